import { naturalKey } from '../../../shared/natural-order'
import type { Migration } from './types'

/**
 * 村民小组 in the order people count them on the paged voter list: a stored natural key beside each voter's
 * group (第2组 before 第10组; text order put 第10组 before 第1组), which the list's index walks instead of the
 * name. The voter writer keeps it on every insert and update, the bulk import included. A change to
 * naturalKey's order needs a later step that computes the keys again.
 */
export const migration012: Migration = {
  version: 12,
  name: '选民名单按村民小组自然顺序排列',
  up: (db) => {
    db.exec(`ALTER TABLE voters ADD COLUMN group_key TEXT NOT NULL DEFAULT ''`)
    const setKey = db.prepare('UPDATE voters SET group_key = ? WHERE group_name = ?')
    for (const name of db.prepare('SELECT DISTINCT group_name FROM voters').pluck().all() as string[]) setKey.run(naturalKey(name), name)
    db.exec(`
      DROP INDEX voters_village_list;
      CREATE INDEX voters_village_list ON voters (village_id, status, group_key, id);
    `)
  }
}
