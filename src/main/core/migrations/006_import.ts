import type { Migration } from './types'

/**
 * Column choices a clerk made on the import screen, remembered per kind and header text, so the next
 * roster with the same headers maps itself. Depends on no other table.
 */
export const migration006: Migration = {
  version: 6,
  name: '导入列对应记忆',
  up: `
    CREATE TABLE import_header_choices (
      kind TEXT NOT NULL CHECK (kind IN ('villages', 'persons', 'voters', 'candidates', 'members')),
      header TEXT NOT NULL CHECK (header <> ''),
      field TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (kind, header)
    ) STRICT;
  `
}
