import type { Migration } from './types'

const DATE = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`

/**
 * After the vote: the handover of seals, files and 三资 from the outgoing committee to the new one, one row
 * per village and item, signed for by the one who handed over, the one who received and the township's 监交人.
 */
export const migration019: Migration = {
  version: 19,
  name: '换届后工作移交',
  up: `
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
  `
}
