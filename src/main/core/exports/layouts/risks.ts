import type { FocusVillageRow, RiskLedgerRow } from '../../risk-board'
import type { TableSpec } from '../table-spec'
import { indexColumn, titlePrefix, type TableHeading } from './common'

const overdue = (r: RiskLedgerRow): boolean => r.是否逾期 !== ''

/** 风险台账: "一账一策一人" — the risk, its plan, the people answerable, and where it stands. */
export function risksSpec(h: TableHeading): TableSpec<RiskLedgerRow> {
  return {
    title: `${titlePrefix(h)}村(社区)“两委”换届风险隐患排查台账`,
    sheetName: '风险台账',
    unit: h.unit,
    date: h.date,
    orientation: 'landscape',
    columns: [
      indexColumn(),
      { header: '村(社区)', width: 9, value: (r) => r.村社 },
      { header: '分级', width: 8.5, align: 'center', value: (r) => r.分级 },
      { header: '风险类型', width: 8.5, align: 'center', value: (r) => r.风险类型 },
      { header: '风险描述', width: 15, value: (r) => r.风险描述 },
      { header: '来源', width: 5, align: 'center', value: (r) => r.来源 },
      { header: '重点人员', width: 8, value: (r) => r.重点人员 },
      { header: '化解措施(一村一策)', width: 15, value: (r) => r.一村一策措施 },
      { header: '责任领导', group: '责任人', width: 6.5, align: 'center', value: (r) => r.责任领导 },
      { header: '责任干部', group: '责任人', width: 6.5, align: 'center', value: (r) => r.责任干部 },
      { header: '发现日期', width: 11.5, kind: 'date', align: 'center', value: (r) => r.发现日期 },
      { header: '化解时限', width: 11.5, kind: 'date', align: 'center', value: (r) => r.化解时限, mark: overdue },
      { header: '状态', width: 6.5, align: 'center', value: (r) => r.状态 },
      { header: '逾期', width: 5, align: 'center', value: (r) => r.是否逾期, mark: overdue },
      { header: '日期', group: '销号', width: 11.5, kind: 'date', align: 'center', value: (r) => r.销号日期 },
      { header: '化解依据', group: '销号', width: 10, value: (r) => r.化解依据 },
      { header: '销号人', group: '销号', width: 6, align: 'center', value: (r) => r.销号人 }
    ]
  }
}

/** 重难点村清单: why each village is graded 重难点村, who is on it, and what is still open there. */
export function focusVillagesSpec(h: TableHeading & { talkIntervalDays: number }): TableSpec<FocusVillageRow> {
  return {
    title: `${titlePrefix(h)}村(社区)“两委”换届重难点村清单`,
    sheetName: '重难点村清单',
    unit: h.unit,
    date: h.date,
    orientation: 'landscape',
    columns: [
      indexColumn(),
      { header: '村(社区)', width: 11, value: (r) => r.村社 },
      { header: '定级理由', width: 26, value: (r) => r.定级理由 },
      { header: '定级时间', width: 10, kind: 'date', align: 'center', value: (r) => r.定级时间 },
      { header: '包村领导', width: 8, align: 'center', value: (r) => r.包村领导 },
      { header: '驻村干部', width: 8, align: 'center', value: (r) => r.驻村干部 },
      { header: '风险类型', width: 16, value: (r) => r.风险类型 },
      { header: '未化解', group: '风险事项', width: 6, kind: 'number', value: (r) => r.未化解事项 },
      { header: '逾期', group: '风险事项', width: 6, kind: 'number', value: (r) => r.逾期事项, mark: (r) => r.逾期事项 > 0 },
      { header: '人数', group: '重点人员', width: 6, kind: 'number', value: (r) => r.重点人员 },
      { header: '超期未谈话', group: '重点人员', width: 7, kind: 'number', value: (r) => r.超期未谈话人员, mark: (r) => r.超期未谈话人员 > 0 },
      { header: '走访户数', group: '走访谈话', width: 7, kind: 'number', value: (r) => r.走访户数 },
      { header: '谈话人次', group: '走访谈话', width: 7, kind: 'number', value: (r) => r.谈话人次 },
      { header: '村委会选举日期', width: 10, kind: 'date', align: 'center', value: (r) => r.村委会选举日期 }
    ],
    note: `注：“超期未谈话”指所涉事项未化解、超过 ${h.talkIntervalDays} 天未进行谈心谈话或警示谈话的重点人员；事项数截至制表日期。`
  }
}
