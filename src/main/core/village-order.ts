import { naturalCompare } from '../../shared/natural-order'
import type { Reads } from './store'

/**
 * The register's own order, used wherever villages are listed or rows are grouped by village: by division code
 * where there is one, then by name in natural order (新建2村 before 新建10村, the rest in pinyin; SQLite has no ICU).
 */
export function registerOrder(a: { divisionCode: string | null; name: string }, b: { divisionCode: string | null; name: string }): number {
  if (a.divisionCode !== b.divisionCode) {
    if (a.divisionCode === null) return 1
    if (b.divisionCode === null) return -1
    return a.divisionCode < b.divisionCode ? -1 : 1
  }
  return naturalCompare(a.name, b.name)
}

/** Each village's place in the register's order, by id. */
export function villageRanks(store: Reads): Map<number, number> {
  const villages = store.all<{ id: number; name: string; divisionCode: string | null }>('SELECT id, name, division_code AS divisionCode FROM villages')
  return new Map(villages.sort(registerOrder).map((v, i) => [v.id, i]))
}

/**
 * Rows grouped by village in the register's order; within a village they keep the order they came in (the
 * SQL's own: post, name, date). The one way lists and exports put villages in order.
 */
export function inVillageOrder<T>(store: Reads, rows: T[], villageOf: (row: T) => number): T[] {
  const rank = villageRanks(store)
  return rows
    .map((row, i) => ({ row, i, k: rank.get(villageOf(row)) ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.row)
}
