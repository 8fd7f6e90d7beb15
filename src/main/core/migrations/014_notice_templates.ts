import type { Migration } from './types'

/**
 * The office's wording of each election notice (公告), one row per saved version: a save adds a version and
 * never overwrites one, so what was posted under an older wording can still be read. A notice without a row
 * prints the wording shipped with the program (version 0, kept in the code, not here).
 */
export const migration014: Migration = {
  version: 14,
  name: '公告模板',
  up: `
    CREATE TABLE notice_templates (
      id INTEGER PRIMARY KEY,
      notice TEXT NOT NULL CHECK (length(notice) BETWEEN 1 AND 20),
      version INTEGER NOT NULL CHECK (version >= 1),
      title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
      body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 3000),
      saved_at TEXT NOT NULL,
      UNIQUE (notice, version)
    ) STRICT;
  `
}
