import type { Migration } from './types'

/**
 * The office's accounts: a name, a role, and optionally the villages it is limited to (驻村干部). Passwords are not
 * here: each account's password wraps the register's key in a slot beside the file (key-slots.ts), so nobody can
 * read one, and a copied file without a password opens for nobody.
 */
export const migration015: Migration = {
  version: 15,
  name: '账号与角色',
  up: `
    CREATE TABLE accounts (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 40),
      role TEXT NOT NULL CHECK (role IN ('管理员', '经办人', '查阅')),
      village_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(village_ids) AND json_type(village_ids) = 'array'),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_log_actor ON audit_log (actor, id);
  `
}
