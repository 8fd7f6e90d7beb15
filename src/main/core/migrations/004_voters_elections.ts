import type { Migration } from './types'

const DATE = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`

/**
 * Voter register, election results and the members of the two committees. A person is active on one
 * village's voter list at most (the partial unique index), whatever the village.
 */
export const migration004: Migration = {
  version: 4,
  name: '选民登记、选举结果与两委成员',
  up: `
    CREATE TABLE voters (
      id INTEGER PRIMARY KEY,
      village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
      person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE RESTRICT,
      group_name TEXT NOT NULL DEFAULT '',
      category INTEGER NOT NULL CHECK (category IN (1, 2, 3)),
      address TEXT NOT NULL DEFAULT '',
      approval_date TEXT CHECK (approval_date IS NULL OR ${DATE('approval_date')}),
      approval_meeting TEXT CHECK (approval_meeting IS NULL OR approval_meeting IN ('村民会议', '村民代表会议')),
      deprived INTEGER NOT NULL DEFAULT 0 CHECK (deprived IN (0, 1)),
      status TEXT NOT NULL DEFAULT '在册' CHECK (status IN ('在册', '已除名')),
      removed_reason TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (category <> 3 OR (approval_date IS NOT NULL AND approval_meeting IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX voters_one_place ON voters (person_id) WHERE status = '在册';
    CREATE INDEX voters_village_list ON voters (village_id, status, group_name, id);
    -- Covers the counts, which otherwise read 100,000 rows in index order, one table lookup each.
    CREATE INDEX voters_counts ON voters (status, village_id, group_name, person_id, category, deprived);

    CREATE TABLE voter_publications (
      village_id INTEGER PRIMARY KEY REFERENCES villages (id) ON DELETE RESTRICT,
      published_on TEXT NOT NULL CHECK (${DATE('published_on')}),
      voter_count INTEGER NOT NULL CHECK (voter_count >= 0),
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE voter_changes (
      id INTEGER PRIMARY KEY,
      village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
      voter_id INTEGER NOT NULL REFERENCES voters (id) ON DELETE RESTRICT,
      kind TEXT NOT NULL CHECK (kind IN ('补登', '除名', '更正')),
      detail TEXT NOT NULL DEFAULT '',
      changed_on TEXT NOT NULL CHECK (${DATE('changed_on')}),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX voter_changes_village ON voter_changes (village_id, id);

    CREATE TABLE voter_objections (
      id INTEGER PRIMARY KEY,
      village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
      objector TEXT NOT NULL CHECK (length(trim(objector)) BETWEEN 1 AND 50),
      subject TEXT NOT NULL CHECK (length(trim(subject)) >= 1),
      filed_on TEXT NOT NULL CHECK (${DATE('filed_on')}),
      answered_on TEXT CHECK (answered_on IS NULL OR (${DATE('answered_on')} AND answered_on >= filed_on)),
      answer TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX voter_objections_village ON voter_objections (village_id, filed_on);

    CREATE TABLE voter_proxies (
      id INTEGER PRIMARY KEY,
      village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
      principal_id INTEGER NOT NULL UNIQUE REFERENCES voters (id) ON DELETE RESTRICT,
      holder_id INTEGER NOT NULL REFERENCES voters (id) ON DELETE RESTRICT,
      relation TEXT NOT NULL DEFAULT '',
      written INTEGER NOT NULL CHECK (written = 1),
      signed_on TEXT CHECK (signed_on IS NULL OR ${DATE('signed_on')}),
      created_at TEXT NOT NULL,
      CHECK (principal_id <> holder_id)
    ) STRICT;
    CREATE INDEX voter_proxies_holder ON voter_proxies (holder_id);

    CREATE TABLE elections (
      id INTEGER PRIMARY KEY,
      village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
      body TEXT NOT NULL CHECK (body IN ('村委会', '党组织')),
      round TEXT NOT NULL CHECK (round IN ('正式选举', '另行选举')),
      held_on TEXT NOT NULL CHECK (${DATE('held_on')}),
      registered INTEGER NOT NULL CHECK (registered >= 0),
      present INTEGER CHECK (present IS NULL OR present BETWEEN 0 AND registered),
      issued INTEGER NOT NULL CHECK (issued >= 0),
      returned INTEGER NOT NULL CHECK (returned BETWEEN 0 AND issued),
      valid_ballots INTEGER NOT NULL CHECK (valid_ballots >= 0),
      invalid_ballots INTEGER NOT NULL CHECK (invalid_ballots >= 0),
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (valid_ballots + invalid_ballots = returned)
    ) STRICT;
    CREATE INDEX elections_village ON elections (village_id, body, held_on);

    CREATE TABLE election_races (
      id INTEGER PRIMARY KEY,
      election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      post TEXT NOT NULL CHECK (post IN ('主任', '副主任', '书记', '副书记', '委员')),
      seats INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 9),
      UNIQUE (election_id, post)
    ) STRICT;

    CREATE TABLE election_candidates (
      id INTEGER PRIMARY KEY,
      race_id INTEGER NOT NULL REFERENCES election_races (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      person_id INTEGER REFERENCES persons (id) ON DELETE RESTRICT,
      name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 50),
      sex TEXT CHECK (sex IS NULL OR sex IN ('男', '女')),
      votes INTEGER NOT NULL CHECK (votes >= 0),
      write_in INTEGER NOT NULL DEFAULT 0 CHECK (write_in IN (0, 1))
    ) STRICT;
    CREATE INDEX election_candidates_race ON election_candidates (race_id, seq);
    CREATE INDEX election_candidates_person ON election_candidates (person_id);

    CREATE TABLE committee_members (
      id INTEGER PRIMARY KEY,
      village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
      person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE RESTRICT,
      term TEXT NOT NULL CHECK (term IN ('本届', '上届')),
      body TEXT NOT NULL CHECK (body IN ('村委会', '党组织')),
      post TEXT NOT NULL CHECK (post IN ('主任', '副主任', '书记', '副书记', '委员')),
      political_status TEXT NOT NULL DEFAULT '',
      education TEXT NOT NULL DEFAULT '',
      fulltime_education TEXT NOT NULL DEFAULT '',
      elected_on TEXT CHECK (elected_on IS NULL OR ${DATE('elected_on')}),
      election_id INTEGER REFERENCES elections (id) ON DELETE RESTRICT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (village_id, term, body, person_id)
    ) STRICT;
    CREATE INDEX committee_members_term ON committee_members (term, village_id);
    CREATE INDEX committee_members_person ON committee_members (person_id);
  `
}
