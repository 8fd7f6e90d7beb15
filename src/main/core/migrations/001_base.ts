import type { Migration } from './types'

export const migration001: Migration = {
  version: 1,
  name: '村社台账、审计日志与设置',
  up: `
    CREATE TABLE villages (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 50),
      kind TEXT NOT NULL CHECK (kind IN ('村', '社区')),
      township TEXT NOT NULL DEFAULT '',
      division_code TEXT CHECK (division_code IS NULL OR (length(division_code) = 12 AND division_code NOT GLOB '*[^0-9]*')),
      households INTEGER CHECK (households IS NULL OR households >= 0),
      population INTEGER CHECK (population IS NULL OR population >= 0),
      party_members INTEGER CHECK (party_members IS NULL OR party_members >= 0),
      party_seats INTEGER CHECK (party_seats IS NULL OR party_seats BETWEEN 1 AND 9),
      committee_seats INTEGER CHECK (committee_seats IS NULL OR committee_seats BETWEEN 3 AND 7),
      grade TEXT NOT NULL DEFAULT '一般村' CHECK (grade IN ('重难点村', '一般村', '平稳村')),
      leader TEXT NOT NULL DEFAULT '',
      resident_cadre TEXT NOT NULL DEFAULT '',
      first_secretary TEXT NOT NULL DEFAULT '',
      party_election_date TEXT CHECK (party_election_date IS NULL OR party_election_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      committee_election_date TEXT CHECK (committee_election_date IS NULL OR committee_election_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      note TEXT NOT NULL DEFAULT '',
      search_key TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (township, name)
    ) STRICT;
    CREATE UNIQUE INDEX villages_division_code ON villages (division_code) WHERE division_code IS NOT NULL;

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action <> ''),
      entity TEXT NOT NULL,
      entity_id TEXT,
      summary TEXT NOT NULL DEFAULT '',
      before TEXT CHECK (before IS NULL OR json_valid(before)),
      after TEXT CHECK (after IS NULL OR json_valid(after))
    ) STRICT;
    CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value)),
      updated_at TEXT NOT NULL
    ) STRICT;
  `
}
