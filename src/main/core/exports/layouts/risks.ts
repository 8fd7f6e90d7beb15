import type { TableSpec } from '../table-spec'
import { indexColumn, titlePrefix, type TableHeading } from './common'

export interface RiskRow {
  village: string
  grade: string
  type: string
  description: string
  keyPersons: string
  measures: string
  leader: string
  cadre: string
  deadline: string | null
  status: string
  resolvedOn: string | null
}

/** 风险台账: "一账一策一人" — the risk, its plan, the people answerable, and where it stands. */
export function risksSpec(h: TableHeading): TableSpec<RiskRow> {
  return {
    title: `${titlePrefix(h)}村(社区)“两委”换届风险隐患排查台账`,
    sheetName: '风险台账',
    unit: h.unit,
    date: h.date,
    orientation: 'landscape',
    columns: [
      indexColumn(),
      { header: '村(社区)', width: 11, value: (r) => r.village },
      { header: '分级', width: 8, align: 'center', value: (r) => r.grade },
      { header: '风险类型', width: 9, align: 'center', value: (r) => r.type },
      { header: '风险描述', width: 28, value: (r) => r.description },
      { header: '重点人员', width: 11, value: (r) => r.keyPersons },
      { header: '化解措施(一村一策)', width: 28, value: (r) => r.measures },
      { header: '责任领导', group: '责任人', width: 8, align: 'center', value: (r) => r.leader },
      { header: '责任干部', group: '责任人', width: 8, align: 'center', value: (r) => r.cadre },
      { header: '化解时限', width: 10, kind: 'date', align: 'center', value: (r) => r.deadline },
      { header: '状态', width: 7, align: 'center', value: (r) => r.status },
      { header: '销号日期', width: 10, kind: 'date', align: 'center', value: (r) => r.resolvedOn }
    ]
  }
}
