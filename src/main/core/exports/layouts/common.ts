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

/** Who a candidate is, as the vetting sheets (资格联审表, 联审回执) show it to the departments that look them up. */
export interface VettedPerson {
  village: string
  name: string
  sex: string
  birthDate: string | null
  /** 公安、法院、检察院 look a person up by it. */
  idNumber: string
  proposedPost: string
}

export const vettedPersonColumns = <R extends VettedPerson>(): Column<R>[] => [
  { header: '所在村', width: 11, value: (r) => r.village },
  { header: '姓名', width: 9, align: 'center', value: (r) => r.name },
  { header: '性别', width: 5, align: 'center', value: (r) => r.sex },
  { header: '出生年月', width: 9, kind: 'yearMonth', align: 'center', value: (r) => r.birthDate },
  { header: '公民身份号码', width: 21, align: 'center', value: (r) => r.idNumber },
  { header: '拟任职务', width: 14, value: (r) => r.proposedPost }
]
