import type { Column } from '../table-spec'

/** What every official table needs to know about where and when it is made. */
export interface TableHeading {
  /** 填报单位, normally the township (乡镇/街道). */
  unit: string
  /** ISO date printed on the form. */
  date: string
  /**
   * The year of the round the table belongs to (its election days), which titles carry: a December
   * export for next spring's round is that spring's table. Without one, the year of `date`.
   */
  roundYear?: string
}

export const roundYear = (h: TableHeading): string => h.roundYear ?? h.date.slice(0, 4)

export const indexColumn = <R>(): Column<R> => ({ header: '序号', width: 6, kind: 'number', align: 'center', value: (_r, i) => i + 1 })

/** "青山镇2026年" — the usual opening of an official table's title. */
export const titlePrefix = (h: TableHeading): string => `${h.unit}${roundYear(h)}年`
