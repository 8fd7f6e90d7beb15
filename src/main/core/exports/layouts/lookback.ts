import type { Village } from '../../../../shared/village'
import type { RiskItemRow } from '../../risks'
import type { TableSpec } from '../table-spec'
import { titlePrefix, type TableHeading } from './common'
import { risksSpec } from './risks'

/** 回头看台账: the risk ledger's shape, worded for the problems found after the vote and their 整改. */
export function lookbackSpec(h: TableHeading): ReturnType<typeof risksSpec> {
  const base = risksSpec(h)
  const words: Record<string, string> = {
    风险类型: '问题类型',
    风险描述: '问题描述',
    '化解措施(一村一策)': '整改措施(一村一策)',
    化解时限: '整改时限',
    化解依据: '整改依据'
  }
  return {
    ...base,
    title: `${titlePrefix(h)}村(社区)“两委”换届“回头看”问题台账`,
    sheetName: '回头看台账',
    columns: base.columns.map((c) => ({ ...c, header: words[c.header] ?? c.header }))
  }
}

/** One village of the 换届后重点关注村台账, or the township's 合计. */
export interface FocusAfterRow {
  村社: string
  包村领导: string
  驻村干部: string
  问题类型: string
  未整改: number
  逾期: number
  最近整改时限: string
  责任干部: string
  isTotal?: boolean
}

/** The villages with 回头看 problems still open, the most open first. */
export function focusAfterRows(items: RiskItemRow[], villages: Village[]): FocusAfterRow[] {
  const open = items.filter((i) => i.status !== '已化解')
  const rows = villages
    .map((v) => {
      const mine = open.filter((i) => i.villageId === v.id)
      const deadlines = mine.map((i) => i.deadline).filter((d): d is string => d !== null).sort()
      return {
        村社: v.name,
        包村领导: v.leader,
        驻村干部: v.residentCadre,
        问题类型: [...new Set(mine.map((i) => i.type))].join('、'),
        未整改: mine.length,
        逾期: mine.filter((i) => i.overdue).length,
        最近整改时限: deadlines[0] ?? '',
        责任干部: [...new Set(mine.map((i) => i.responsibleCadre).filter(Boolean))].join('、')
      }
    })
    .filter((r) => r.未整改 > 0)
    .sort((a, b) => b.未整改 - a.未整改 || a.村社.localeCompare(b.村社, 'zh-CN'))
  const total: FocusAfterRow = {
    村社: '合计',
    包村领导: '',
    驻村干部: '',
    问题类型: `${rows.length}个村(社区)`,
    未整改: rows.reduce((s, r) => s + r.未整改, 0),
    逾期: rows.reduce((s, r) => s + r.逾期, 0),
    最近整改时限: '',
    责任干部: '',
    isTotal: true
  }
  return [...rows, total]
}

export function focusAfterSpec(h: TableHeading): TableSpec<FocusAfterRow> {
  return {
    title: `${titlePrefix(h)}村(社区)换届后重点关注村台账`,
    sheetName: '换届后重点关注村',
    unit: h.unit,
    date: h.date,
    orientation: 'landscape',
    isTotal: (r) => r.isTotal === true,
    columns: [
      { header: '序号', width: 6, kind: 'number', align: 'center', value: (r, i) => (r.isTotal ? '' : i + 1) },
      { header: '村(社区)', width: 12, value: (r) => r.村社 },
      { header: '包村领导', width: 9, align: 'center', value: (r) => r.包村领导 },
      { header: '驻村干部', width: 9, align: 'center', value: (r) => r.驻村干部 },
      { header: '“回头看”发现问题类型', width: 30, value: (r) => r.问题类型 },
      { header: '未整改', group: '问题', width: 7, kind: 'number', value: (r) => r.未整改 },
      { header: '逾期', group: '问题', width: 7, kind: 'number', value: (r) => r.逾期, mark: (r) => r.逾期 > 0 },
      { header: '最近整改时限', width: 12, kind: 'date', align: 'center', value: (r) => r.最近整改时限 },
      { header: '责任干部', width: 14, value: (r) => r.责任干部 }
    ],
    note: '注：列入本台账的是“回头看”中尚有问题未整改销号的村(社区)；问题全部销号后自动移出。'
  }
}
