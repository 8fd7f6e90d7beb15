import type { Village } from '../../../../shared/village'
import type { TableSpec } from '../table-spec'
import { titlePrefix, type TableHeading } from './common'

/** A village of the 台账, or its 合计 line. */
export type VillageLine = Village & { total?: boolean }

type Counted = 'households' | 'population' | 'partyMembers' | 'partySeats' | 'committeeSeats'
const COUNTED: Counted[] = ['households', 'population', 'partyMembers', 'partySeats', 'committeeSeats']

/** The villages, and under several of them a 合计 line that sums every count (a count no village has stays blank). */
export function villageLines(villages: Village[]): VillageLine[] {
  if (villages.length < 2) return villages
  const sum = (k: Counted): number | null =>
    villages.some((v) => v[k] !== null) ? villages.reduce((a, v) => a + (v[k] ?? 0), 0) : null
  // Only the name and the counts of the 合计 line are printed; the rest of the first village stays unread.
  const total: VillageLine = { ...villages[0], id: 0, name: `合计（${villages.length}个）`, total: true, ...Object.fromEntries(COUNTED.map((k) => [k, sum(k)])) }
  return [...villages, total]
}

export function villagesSpec(h: TableHeading): TableSpec<VillageLine> {
  return {
    title: `${titlePrefix(h)}村(社区)“两委”换届村社台账`,
    sheetName: '村社台账',
    unit: h.unit,
    date: h.date,
    orientation: 'landscape',
    columns: [
      { header: '序号', width: 6, kind: 'number', align: 'center', value: (v, i) => (v.total ? null : i + 1) },
      { header: '村(社区)名称', width: 16, value: (v) => v.name },
      { header: '类型', width: 6, align: 'center', value: (v) => (v.total ? null : v.kind) },
      { header: '所属乡镇', width: 10, value: (v) => (v.total ? null : v.township) },
      { header: '行政区划代码', width: 16, align: 'center', value: (v) => (v.total ? null : v.divisionCode) },
      { header: '户数', width: 8, kind: 'number', value: (v) => v.households },
      { header: '人口', width: 8, kind: 'number', value: (v) => v.population },
      { header: '党员数', width: 8, kind: 'number', value: (v) => v.partyMembers },
      { header: '党组织职数', group: '职数', width: 8, kind: 'number', value: (v) => v.partySeats },
      { header: '村(居)委会职数', group: '职数', width: 9, kind: 'number', value: (v) => v.committeeSeats },
      { header: '分级', width: 9, align: 'center', value: (v) => (v.total ? null : v.grade) },
      { header: '包村领导', width: 9, align: 'center', value: (v) => (v.total ? null : v.leader) },
      { header: '驻村干部', width: 9, align: 'center', value: (v) => (v.total ? null : v.residentCadre) },
      { header: '第一书记', width: 9, align: 'center', value: (v) => (v.total ? null : v.firstSecretary) },
      { header: '党组织', group: '换届日期', width: 12.5, kind: 'date', align: 'center', value: (v) => (v.total ? null : v.partyElectionDate) },
      { header: '村(居)委会', group: '换届日期', width: 12.5, kind: 'date', align: 'center', value: (v) => (v.total ? null : v.committeeElectionDate) },
      { header: '备注', width: 15, value: (v) => (v.total ? null : v.note) }
    ],
    isTotal: (v) => v.total === true
  }
}
