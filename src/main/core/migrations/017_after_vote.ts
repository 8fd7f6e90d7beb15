import type { Migration } from './types'

const DATE = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`

/**
 * After the vote. The 回头看 ledger keeps its problems as risk items do (status history, key persons, talks,
 * 销号), in the same tables, told apart by ledger. The other bodies (监督委员会, 村民代表, 村民小组长) are rosters of
 * persons, one seat per person and body in a village. The handover of seals, files and 三资 from the outgoing committee to the new one, one row
 * per village and item, signed for by the one who handed over, the one who received and the township's 监交人.
 */
export const migration017: Migration = {
  version: 17,
  name: '换届后工作移交、回头看与其他组织',
  up: `
    ALTER TABLE risk_items ADD COLUMN ledger TEXT NOT NULL DEFAULT '风险' CHECK (ledger IN ('风险', '回头看'));
    CREATE INDEX risk_items_ledger ON risk_items (ledger, village_id);

    CREATE TABLE handover_items (
      village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
      item TEXT NOT NULL CHECK (item IN ('公章', '文书档案', '三资', '未了事项', '债权债务')),
      handed_by TEXT NOT NULL CHECK (length(trim(handed_by)) > 0),
      received_by TEXT NOT NULL CHECK (length(trim(received_by)) > 0),
      supervised_by TEXT NOT NULL CHECK (length(trim(supervised_by)) > 0),
      handed_on TEXT NOT NULL CHECK (${DATE('handed_on')}),
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (village_id, item)
    ) STRICT;

    CREATE TABLE body_members (
      id INTEGER PRIMARY KEY,
      village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
      body TEXT NOT NULL CHECK (body IN ('监督委员会', '村民代表', '村民小组长')),
      person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE RESTRICT,
      post TEXT NOT NULL CHECK (post IN ('主任', '委员', '代表', '组长')),
      group_name TEXT NOT NULL DEFAULT '',
      elected_on TEXT CHECK (elected_on IS NULL OR ${DATE('elected_on')}),
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (village_id, body, person_id)
    ) STRICT;
    CREATE INDEX body_members_person ON body_members (person_id);
  `
}
