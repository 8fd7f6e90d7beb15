import { migration001 } from './001_base'
import { migration002 } from './002_persons'
import { migration006 } from './006_import'
import type { Migration } from './types'

export type { Migration } from './types'

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration006]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version
