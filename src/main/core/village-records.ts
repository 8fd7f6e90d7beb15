import { failure } from '../../shared/result'
import type { Clock } from './clock'
import { toSnake } from './row-mapping'
import type { Store } from './store'

interface RecordTableDef<D> {
  table: string
  /** Entity name in the audit log. */
  entity: string
  /** What one row is called, in Chinese. */
  label: string
  columns: readonly (keyof D & string)[]
  orderBy: string
  describe: (d: D) => string
}

/**
 * The plain per-village records of the risk file (应急预案, 走访谈话记录, 选情评估): rows with a few
 * fields each, created, edited and removed by a clerk, every change audited with before and after.
 */
export class VillageRecordTable<D extends { villageId: number }, R extends D & { id: number }> {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly def: RecordTableDef<D>
  ) {}

  /** Every column of the table, aliased to the record's field names. */
  private get selected(): string {
    const cols = this.def.columns.map((c) => `${toSnake(c)} AS ${c}`).join(', ')
    return `SELECT id, ${cols}, created_at AS createdAt, updated_at AS updatedAt FROM ${this.def.table}`
  }

  list(villageId: number): R[] {
    return this.store.all<R>(`${this.selected} WHERE village_id = ? ORDER BY ${this.def.orderBy}`, villageId)
  }

  require(id: number): R {
    const row = this.store.one<R>(`${this.selected} WHERE id = ?`, id)
    if (!row) throw failure('not_found', `该${this.def.label}不存在，可能已被删除`)
    return row
  }

  create(data: D): R {
    return this.store.write((audit) => {
      this.assertVillage(data.villageId)
      const now = this.clock.now()
      const cols = this.def.columns.map(toSnake)
      const info = this.store.run(
        `INSERT INTO ${this.def.table} (${cols.join(', ')}, created_at, updated_at) VALUES (${cols.map(() => '?').join(', ')}, ?, ?)`,
        ...this.values(data),
        now,
        now
      )
      const created = this.require(Number(info.lastInsertRowid))
      audit({ action: 'create', entity: this.def.entity, entityId: created.id, summary: `新增${this.def.label}：${this.def.describe(created)}`, after: created })
      return created
    })
  }

  update(id: number, data: D): R {
    return this.store.write((audit) => {
      const before = this.require(id)
      if (before.villageId !== data.villageId) throw failure('validation', `${this.def.label}不能改到其他村社`)
      const sets = this.def.columns.map((c) => `${toSnake(c)} = ?`).join(', ')
      this.store.run(`UPDATE ${this.def.table} SET ${sets}, updated_at = ? WHERE id = ?`, ...this.values(data), this.clock.now(), id)
      const after = this.require(id)
      audit({ action: 'update', entity: this.def.entity, entityId: id, summary: `修改${this.def.label}：${this.def.describe(after)}`, before, after })
      return after
    })
  }

  remove(id: number): void {
    this.store.write((audit) => {
      const before = this.require(id)
      this.store.run(`DELETE FROM ${this.def.table} WHERE id = ?`, id)
      audit({ action: 'delete', entity: this.def.entity, entityId: id, summary: `删除${this.def.label}：${this.def.describe(before)}`, before })
    })
  }

  private values(data: D): unknown[] {
    return this.def.columns.map((c) => data[c] as unknown)
  }

  private assertVillage(villageId: number): void {
    if (!this.store.one('SELECT 1 FROM villages WHERE id = ?', villageId)) throw failure('validation', '所选村社不存在', { villageId: '村社不存在' })
  }
}
