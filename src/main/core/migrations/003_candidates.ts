import type { Migration } from './types'

const DATE = (col: string, nullable = false) =>
  `${nullable ? `${col} IS NULL OR ` : ''}${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`

/**
 * The cadre record beside the person core, the candidates (人选) and every record of their vetting:
 * stages, 联审 verdicts, 负面清单 findings and 民主测评 votes.
 */
export const migration003: Migration = {
  version: 3,
  name: '人选库与资格审查',
  up: `
    CREATE TABLE person_profiles (
      person_id INTEGER PRIMARY KEY REFERENCES persons (id) ON DELETE RESTRICT,
      native_place TEXT NOT NULL DEFAULT '',
      birth_place TEXT NOT NULL DEFAULT '',
      political_status TEXT CHECK (political_status IS NULL OR political_status IN ('中共党员', '中共预备党员', '共青团员', '群众', '民主党派')),
      party_joined TEXT NOT NULL DEFAULT '',
      work_started TEXT NOT NULL DEFAULT '',
      health TEXT NOT NULL DEFAULT '',
      full_time_education TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(full_time_education)),
      in_service_education TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(in_service_education)),
      professional_title TEXT NOT NULL DEFAULT '',
      specialty TEXT NOT NULL DEFAULT '',
      current_position TEXT NOT NULL DEFAULT '',
      rewards TEXT NOT NULL DEFAULT '',
      appraisals TEXT NOT NULL DEFAULT ''
    ) STRICT;

    CREATE TABLE person_resume (
      id INTEGER PRIMARY KEY,
      person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE RESTRICT,
      seq INTEGER NOT NULL,
      start TEXT NOT NULL,
      end TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL CHECK (text <> ''),
      UNIQUE (person_id, seq)
    ) STRICT;

    CREATE TABLE person_family (
      id INTEGER PRIMARY KEY,
      person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE RESTRICT,
      seq INTEGER NOT NULL,
      relation TEXT NOT NULL CHECK (relation <> ''),
      name TEXT NOT NULL CHECK (name <> ''),
      birth_year_month TEXT NOT NULL DEFAULT '',
      political_status TEXT NOT NULL DEFAULT '',
      work_unit TEXT NOT NULL DEFAULT '',
      UNIQUE (person_id, seq)
    ) STRICT;

    CREATE TABLE person_tags (
      person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE RESTRICT,
      tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 20),
      PRIMARY KEY (person_id, tag)
    ) STRICT;
    CREATE INDEX person_tags_tag ON person_tags (tag);

    CREATE TABLE person_photos (
      person_id INTEGER PRIMARY KEY REFERENCES persons (id) ON DELETE RESTRICT,
      mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
      data BLOB NOT NULL CHECK (length(data) BETWEEN 1 AND 1048576),
      updated_at TEXT NOT NULL
    ) STRICT;

    -- One candidacy per person: the same person cannot be proposed to two villages (or two posts).
    CREATE TABLE candidates (
      id INTEGER PRIMARY KEY,
      person_id INTEGER NOT NULL UNIQUE REFERENCES persons (id) ON DELETE RESTRICT,
      village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
      post TEXT NOT NULL CHECK (post IN ('党组织书记', '党组织副书记', '党组织委员', '村委会主任', '村委会副主任', '村委会委员', '一肩挑', '交叉任职')),
      incumbent INTEGER NOT NULL CHECK (incumbent IN (0, 1)),
      source TEXT NOT NULL CHECK (source IN ('党员推荐', '群众推荐', '组织推荐', '自荐')),
      pool TEXT NOT NULL CHECK (pool IN ('初步人选', '后备干部', '正式候选人')),
      proposed_on TEXT NOT NULL CHECK (${DATE('proposed_on')}),
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX candidates_village ON candidates (village_id);

    CREATE TABLE candidate_stages (
      id INTEGER PRIMARY KEY,
      candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE RESTRICT,
      stage TEXT NOT NULL CHECK (stage IN ('资格初审', '考察', '会审', '公示', '确定为正式候选人', '选举')),
      level TEXT NOT NULL DEFAULT '',
      result TEXT NOT NULL CHECK (result IN ('通过', '不通过', '当选', '落选')),
      decided_on TEXT NOT NULL CHECK (${DATE('decided_on')}),
      decider TEXT NOT NULL CHECK (decider <> ''),
      doc_no TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      publicity_start TEXT CHECK (${DATE('publicity_start', true)}),
      publicity_end TEXT CHECK (${DATE('publicity_end', true)}),
      objections TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      UNIQUE (candidate_id, stage, level)
    ) STRICT;

    CREATE TABLE review_verdicts (
      id INTEGER PRIMARY KEY,
      candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE RESTRICT,
      department TEXT NOT NULL CHECK (department <> ''),
      verdict TEXT NOT NULL CHECK (verdict IN ('通过', '不通过', '待反馈')),
      reason TEXT NOT NULL DEFAULT '',
      sent_on TEXT NOT NULL CHECK (${DATE('sent_on')}),
      decided_on TEXT CHECK (${DATE('decided_on', true)}),
      UNIQUE (candidate_id, department)
    ) STRICT;

    CREATE TABLE negative_findings (
      id INTEGER PRIMARY KEY,
      person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE RESTRICT,
      item_code TEXT NOT NULL,
      item_text TEXT NOT NULL,
      severity TEXT NOT NULL CHECK (severity IN ('不能', '不宜')),
      department TEXT NOT NULL CHECK (department <> ''),
      evidence TEXT NOT NULL CHECK (evidence <> ''),
      found_on TEXT NOT NULL CHECK (${DATE('found_on')}),
      decision TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', '准予继续', '不予提名')),
      decided_by TEXT NOT NULL DEFAULT '',
      decided_on TEXT CHECK (${DATE('decided_on', true)}),
      decision_note TEXT NOT NULL DEFAULT '',
      CHECK (severity = '不宜' OR decision = '')
    ) STRICT;
    CREATE INDEX negative_findings_person ON negative_findings (person_id);

    CREATE TABLE evaluations (
      candidate_id INTEGER PRIMARY KEY REFERENCES candidates (id) ON DELETE RESTRICT,
      held_on TEXT NOT NULL CHECK (${DATE('held_on')}),
      party_ballots INTEGER NOT NULL CHECK (party_ballots > 0),
      party_trust INTEGER NOT NULL CHECK (party_trust BETWEEN 0 AND party_ballots),
      rep_ballots INTEGER NOT NULL CHECK (rep_ballots > 0),
      rep_trust INTEGER NOT NULL CHECK (rep_trust BETWEEN 0 AND rep_ballots),
      satisfied INTEGER NOT NULL CHECK (satisfied >= 0),
      basically_satisfied INTEGER NOT NULL CHECK (basically_satisfied >= 0),
      unsatisfied INTEGER NOT NULL CHECK (unsatisfied >= 0),
      note TEXT NOT NULL DEFAULT '',
      CHECK (satisfied + basically_satisfied + unsatisfied > 0)
    ) STRICT;
  `
}
