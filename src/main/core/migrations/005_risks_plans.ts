import type { Migration } from './types'

const DATE = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`
const GRADE = `IN ('重难点村', '一般村', '平稳村')`
const STATUS = `IN ('未化解', '化解中', '已化解')`

/**
 * Risk files (风险档案) and the round's plan (倒排工期). The village grade itself stays in villages.grade;
 * who set it, when and why is kept here. A closed item keeps its status history, so reopening loses nothing.
 */
export const migration005: Migration = {
  version: 5,
  name: '风险档案与换届工作计划',
  up: `
    CREATE TABLE village_grade_changes (
      id INTEGER PRIMARY KEY,
      village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
      grade TEXT NOT NULL CHECK (grade ${GRADE}),
      previous_grade TEXT CHECK (previous_grade IS NULL OR previous_grade ${GRADE}),
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      set_by TEXT NOT NULL,
      set_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX village_grade_changes_village ON village_grade_changes (village_id, id);

    CREATE TABLE risk_items (
      id INTEGER PRIMARY KEY,
      village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
      type TEXT NOT NULL CHECK (length(trim(type)) BETWEEN 1 AND 20),
      description TEXT NOT NULL CHECK (length(trim(description)) > 0),
      source TEXT NOT NULL DEFAULT '',
      measures TEXT NOT NULL DEFAULT '',
      responsible_leader TEXT NOT NULL DEFAULT '',
      responsible_cadre TEXT NOT NULL DEFAULT '',
      deadline TEXT CHECK (deadline IS NULL OR ${DATE('deadline')}),
      found_on TEXT NOT NULL CHECK (${DATE('found_on')}),
      status TEXT NOT NULL DEFAULT '未化解' CHECK (status ${STATUS}),
      closed_on TEXT CHECK (closed_on IS NULL OR ${DATE('closed_on')}),
      closed_evidence TEXT NOT NULL DEFAULT '',
      closed_by TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((status = '已化解') = (closed_on IS NOT NULL))
    ) STRICT;
    CREATE INDEX risk_items_village ON risk_items (village_id);

    CREATE TABLE risk_status_events (
      id INTEGER PRIMARY KEY,
      risk_item_id INTEGER NOT NULL REFERENCES risk_items (id) ON DELETE CASCADE,
      from_status TEXT CHECK (from_status IS NULL OR from_status ${STATUS}),
      to_status TEXT NOT NULL CHECK (to_status ${STATUS}),
      "on" TEXT NOT NULL CHECK (${DATE('"on"')}),
      evidence TEXT NOT NULL DEFAULT '',
      "by" TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL,
      actor TEXT NOT NULL
    ) STRICT;
    CREATE INDEX risk_status_events_item ON risk_status_events (risk_item_id, id);

    CREATE TABLE risk_key_persons (
      id INTEGER PRIMARY KEY,
      risk_item_id INTEGER NOT NULL REFERENCES risk_items (id) ON DELETE CASCADE,
      person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE RESTRICT,
      role TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      UNIQUE (risk_item_id, person_id)
    ) STRICT;
    CREATE INDEX risk_key_persons_person ON risk_key_persons (person_id);

    CREATE TABLE key_person_talks (
      id INTEGER PRIMARY KEY,
      risk_item_id INTEGER NOT NULL REFERENCES risk_items (id) ON DELETE CASCADE,
      person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE RESTRICT,
      kind TEXT NOT NULL CHECK (kind IN ('谈心谈话', '警示谈话')),
      talked_on TEXT NOT NULL CHECK (${DATE('talked_on')}),
      talked_by TEXT NOT NULL CHECK (length(trim(talked_by)) > 0),
      summary TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX key_person_talks_person ON key_person_talks (person_id, talked_on);
    CREATE INDEX key_person_talks_item ON key_person_talks (risk_item_id);

    CREATE TABLE emergency_plans (
      id INTEGER PRIMARY KEY,
      village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
      scenario TEXT NOT NULL CHECK (length(trim(scenario)) > 0),
      response TEXT NOT NULL CHECK (length(trim(response)) > 0),
      person_in_charge TEXT NOT NULL,
      contact TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX emergency_plans_village ON emergency_plans (village_id);

    CREATE TABLE village_work_records (
      id INTEGER PRIMARY KEY,
      village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
      kind TEXT NOT NULL CHECK (kind IN ('走访', '谈话')),
      done_on TEXT NOT NULL CHECK (${DATE('done_on')}),
      done_by TEXT NOT NULL,
      with_whom TEXT NOT NULL DEFAULT '',
      households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
      people INTEGER NOT NULL DEFAULT 0 CHECK (people >= 0),
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX village_work_records_village ON village_work_records (village_id, done_on);

    CREATE TABLE election_assessments (
      id INTEGER PRIMARY KEY,
      village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
      assessed_on TEXT NOT NULL CHECK (${DATE('assessed_on')}),
      candidate TEXT NOT NULL CHECK (length(trim(candidate)) > 0),
      post TEXT NOT NULL DEFAULT '',
      party_support REAL CHECK (party_support IS NULL OR party_support BETWEEN 0 AND 100),
      public_support REAL CHECK (public_support IS NULL OR public_support BETWEEN 0 AND 100),
      assessed_by TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX election_assessments_village ON election_assessments (village_id, assessed_on);

    CREATE TABLE village_plan_steps (
      village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
      step_key TEXT NOT NULL,
      planned_on TEXT CHECK (planned_on IS NULL OR ${DATE('planned_on')}),
      done_on TEXT CHECK (done_on IS NULL OR ${DATE('done_on')}),
      note TEXT NOT NULL DEFAULT '',
      done_by TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      PRIMARY KEY (village_id, step_key)
    ) STRICT;
  `
}
