import type { Share, StructureStats } from '../../../../shared/structure-stats'
import type { Column, TableSpec } from '../table-spec'
import { titlePrefix, type TableHeading } from './common'

/** The counted shares of DOMAIN.md "Structure statistics", each over what StructureStats counts it of. */
export const STRUCTURE_METRICS: readonly [string, (s: StructureStats) => Share][] = [
  ['一肩挑', (s) => s.oneShoulder],
  ['交叉任职', (s) => s.cross],
  ['党员', (s) => s.party],
  ['女性', (s) => s.women],
  ['35岁及以下', (s) => s.age35],
  ['45岁及以下', (s) => s.age45],
  ['50岁及以下', (s) => s.age50],
  ['60岁以上', (s) => s.over60],
  ['大专及以上', (s) => s.college],
  ['全日制本科及以上', (s) => s.fulltimeBachelor]
]

/** A line of StatisticsService.structure(): a village, or the township total (villageId null). */
export interface StructureRow {
  villageId: number | null
  villageName: string
  incoming: StructureStats
  outgoing: StructureStats
}

const ratio = (s: Share): number | null => (s.of > 0 ? s.count / s.of : null)

/**
 * 换届结构统计表: per village and a township total; counts and shares of the new term, and when the
 * outgoing term is in the register, its members, average age and shares beside them.
 */
export function structureSpec(h: TableHeading & { withPrevious: boolean }): TableSpec<StructureRow> {
  const prev = h.withPrevious
  const columns: Column<StructureRow>[] = [
    { header: '村(社区)', width: 12, value: (r) => r.villageName },
    { header: '本届', group: '成员数', width: 5, kind: 'number', value: (r) => r.incoming.members },
    ...(prev ? [{ header: '上届', group: '成员数', width: 5, kind: 'number' as const, value: (r: StructureRow) => r.outgoing.members }] : []),
    { header: '本届', group: '平均年龄', width: 5.5, kind: 'number', value: (r) => r.incoming.averageAge },
    ...(prev ? [{ header: '上届', group: '平均年龄', width: 5.5, kind: 'number' as const, value: (r: StructureRow) => r.outgoing.averageAge }] : []),
    { header: '书记', group: '女性任职', width: 5, kind: 'number', value: (r) => r.incoming.womenSecretaries },
    { header: '主任', group: '女性任职', width: 5, kind: 'number', value: (r) => r.incoming.womenDirectors }
  ]
  for (const [label, pick] of STRUCTURE_METRICS) {
    columns.push(
      { header: '人数', group: label, width: 5, kind: 'number', value: (r) => pick(r.incoming).count },
      { header: '占比', group: label, width: 8, kind: 'percent', value: (r) => ratio(pick(r.incoming)) }
    )
    if (prev) columns.push({ header: '上届占比', group: label, width: 8, kind: 'percent', value: (r) => ratio(pick(r.outgoing)) })
  }
  return {
    title: `${titlePrefix(h)}村(社区)“两委”换届结构统计表`,
    sheetName: '结构统计',
    unit: h.unit,
    date: h.date,
    orientation: 'landscape',
    columns,
    isTotal: (r) => r.villageId === null,
    // Too wide for one A4 page at a readable size: printed in parts, each with the village column.
    keyColumns: 1,
    note:
      '注：年龄按选举日计算，年龄段占比为占年龄已知成员的比例；“一肩挑”人数为书记、主任由一人担任的村(社区)数，占比为占村(社区)数的比例；' +
      '其余占比为占“两委”成员总数(一人兼任两委按一人计)的比例。' +
      (prev ? '“上届”为上届“两委”的相应比例。' : '')
  }
}
