import type { Migration } from './types'

/**
 * The register of people. A person is one row, keyed by the 18-digit 公民身份号码 where one is known;
 * candidates, voters, members and key persons refer to it.
 */
export const migration002: Migration = {
  version: 2,
  name: '人员登记',
  up: `
    CREATE TABLE persons (
      id INTEGER PRIMARY KEY,
      id_number TEXT UNIQUE CHECK (id_number IS NULL OR (length(id_number) = 18 AND id_number GLOB '[0-9]*' AND substr(id_number, 18) GLOB '[0-9X]')),
      name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 50),
      sex TEXT CHECK (sex IS NULL OR sex IN ('男', '女')),
      birth_date TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      ethnicity TEXT NOT NULL DEFAULT '',
      village_id INTEGER REFERENCES villages (id) ON DELETE RESTRICT,
      phone TEXT NOT NULL DEFAULT '',
      search_key TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX persons_village ON persons (village_id);
  `
}
