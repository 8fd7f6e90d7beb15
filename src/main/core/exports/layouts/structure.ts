import type { Column, TableSpec } from '../table-spec'
import type { TableHeading } from './common'

/** The counted shares of DOMAIN.md "Structure statistics". */
export const STRUCTURE_METRICS = [
  ['oneShoulder', '一肩挑'],
  ['crossServing', '交叉任职'],
  ['party', '党员'],
  ['women', '女性'],
  ['age35', '35岁及以下'],
  ['age45', '45岁及以下'],
  ['age50', '50岁及以下'],
  ['over60', '60岁以上'],
  ['college', '大专及以上'],
  ['bachelor', '全日制本科及以上']
] as const

export type StructureMetric = (typeof STRUCTURE_METRICS)[number][0]

export interface StructureFigures {
  members: number
  averageAge: number | null
  counts: Record<StructureMetric, number>
}

export interface StructureRow {
  /** A village's name, or 合计 for the township total. */
  village: string
  total: boolean
  current: StructureFigures
  /** The outgoing term, when it is in the register. */
  previous: StructureFigures | null
}

const share = (f: StructureFigures | null, m: StructureMetric): number | null => (f && f.members > 0 ? f.counts[m] / f.members : null)

/** 换届结构统计表: per village and a township total; the outgoing term's shares beside the new ones. */
export function structureSpec(h: TableHeading & { withPrevious: boolean }): TableSpec<StructureRow> {
  const columns: Column<StructureRow>[] = [
    { header: '村(社区)', width: 12, value: (r) => r.village },
    { header: '本届', group: '成员数', width: 6, kind: 'number', value: (r) => r.current.members },
    { header: '本届', group: '平均年龄', width: 6, kind: 'number', value: (r) => r.current.averageAge },
    ...(h.withPrevious
      ? [{ header: '上届', group: '平均年龄', width: 6, kind: 'number' as const, value: (r: StructureRow) => r.previous?.averageAge }]
      : [])
  ]
  for (const [key, label] of STRUCTURE_METRICS) {
    columns.push(
      { header: '人数', group: label, width: 5, kind: 'number', value: (r) => r.current.counts[key] },
      { header: '占比', group: label, width: 7, kind: 'percent', value: (r) => share(r.current, key) }
    )
    if (h.withPrevious) columns.push({ header: '上届占比', group: label, width: 7, kind: 'percent', value: (r) => share(r.previous, key) })
  }
  return {
    title: `${h.unit}${h.date.slice(0, 4)}年村(社区)“两委”换届结构统计表`,
    sheetName: '结构统计',
    unit: h.unit,
    date: h.date,
    orientation: 'landscape',
    columns,
    isTotal: (r) => r.total,
    note: '注：年龄按选举日计算；占比为占本村(社区)“两委”成员总数的比例。'
  }
}
