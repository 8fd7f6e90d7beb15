import type { Column } from '../table-spec'

/** What every official table needs to know about where and when it is made. */
export interface TableHeading {
  /** 填报单位, normally the township (乡镇/街道). */
  unit: string
  /** ISO date printed on the form. */
  date: string
}

export const indexColumn = <R>(): Column<R> => ({ header: '序号', width: 6, kind: 'number', align: 'center', value: (_r, i) => i + 1 })

/** "青山镇2026年" — the usual opening of an official table's title. */
export const titlePrefix = (h: TableHeading): string => `${h.unit}${h.date.slice(0, 4)}年`
