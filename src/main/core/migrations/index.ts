import { migration001 } from './001_base'
import { migration002 } from './002_persons'
import { migration003 } from './003_candidates'
import { migration004 } from './004_voters_elections'
import { migration005 } from './005_risks_plans'
import { migration006 } from './006_import'
import { migration007 } from './007_voter_tallies'
import { migration008 } from './008_cadre_form'
import { migration009 } from './009_seats'
import { migration010 } from './010_ballot_channels'
import { migration011 } from './011_person_search'
import { migration012 } from './012_voter_group_order'
import { migration013 } from './013_results_as_they_come'
import { migration014 } from './014_notice_templates'
import { migration015 } from './015_accounts'
import { migration016 } from './016_voter_search_keys'
import { migration017 } from './017_after_vote'
import type { Migration } from './types'

export type { Migration } from './types'

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017
]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version
