import { yieldToEventLoop } from '../jobs'
import { tallyRecount } from '../migrations/007_voter_tallies'
import type { Store } from '../store'

/** Below this many rows the kept counts' own triggers are cheaper than counting the villages again. */
export const BULK_ROWS = 2000

/** The kept-count triggers (voter_tallies_*) as the schema holds them, to put back exactly as they were. */
const KEPT_TRIGGERS = `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'voter\\_tallies\\_%' ESCAPE '\\' ORDER BY name`

/** What the suspended triggers would have touched: the villages of every voter row written, and of every person changed. */
const TOUCH_TRIGGERS = [
  `CREATE TEMP TRIGGER import_touch_insert AFTER INSERT ON main.voters BEGIN INSERT OR IGNORE INTO temp.import_touched VALUES (new.village_id); END`,
  `CREATE TEMP TRIGGER import_touch_delete AFTER DELETE ON main.voters BEGIN INSERT OR IGNORE INTO temp.import_touched VALUES (old.village_id); END`,
  `CREATE TEMP TRIGGER import_touch_update AFTER UPDATE ON main.voters BEGIN
     INSERT OR IGNORE INTO temp.import_touched VALUES (old.village_id);
     INSERT OR IGNORE INTO temp.import_touched VALUES (new.village_id);
   END`,
  `CREATE TEMP TRIGGER import_touch_person AFTER UPDATE OF sex, ethnicity ON main.persons BEGIN
     INSERT OR IGNORE INTO temp.import_touched SELECT village_id FROM main.voters WHERE person_id = new.id;
   END`
]

const RECOUNT_GROUP = tallyRecount(`v.status = '在册' AND v.village_id = ? AND v.group_name = ?`)

/**
 * A bulk voter import inside its own transaction: the kept counts' per-row triggers (migration 7) are set aside
 * while the rows are written, which makes each insert markedly cheaper, and the counts of every village the
 * import touched are counted again before the COMMIT. Everything happens in the import's transaction: a
 * cancel or a crash rolls the triggers and the counts back with the rows.
 */
export class SuspendedTallies {
  private constructor(
    private readonly tx: Store,
    private readonly triggers: { name: string; sql: string }[]
  ) {}

  static begin(tx: Store): SuspendedTallies {
    const triggers = tx.all<{ name: string; sql: string }>(KEPT_TRIGGERS)
    tx.exec('CREATE TEMP TABLE IF NOT EXISTS import_touched (village_id INTEGER PRIMARY KEY); DELETE FROM temp.import_touched;')
    for (const sql of TOUCH_TRIGGERS) tx.exec(sql)
    for (const t of triggers) tx.exec(`DROP TRIGGER main."${t.name}"`)
    return new SuspendedTallies(tx, triggers)
  }

  /**
   * Counts the touched villages again, a village and 村民小组 at a time with other calls answered between, and
   * puts the triggers back.
   */
  async end(throwIfCancelled: () => void): Promise<void> {
    const tx = this.tx
    for (const name of ['insert', 'delete', 'update', 'person']) tx.exec(`DROP TRIGGER temp.import_touch_${name}`)
    const villages = tx.all<{ id: number }>('SELECT village_id AS id FROM temp.import_touched ORDER BY village_id')
    for (const { id } of villages) {
      tx.run('DELETE FROM voter_tallies WHERE village_id = ?', id)
      const groups = tx.all<{ name: string }>(`SELECT DISTINCT group_name AS name FROM voters WHERE status = '在册' AND village_id = ?`, id)
      for (const { name } of groups) {
        throwIfCancelled()
        tx.run(RECOUNT_GROUP, id, name)
        await yieldToEventLoop()
      }
    }
    tx.exec('DELETE FROM temp.import_touched')
    for (const t of this.triggers) tx.exec(t.sql)
  }
}
