import { HANDOVER_ITEM_LABELS, HANDOVER_ITEMS, type HandoverItemKey, type HandoverItemRecord } from '../../../../shared/handover'
import type { HandoverVillage } from '../../handover'
import type { TableSpec } from '../table-spec'
import { indexColumn, titlePrefix, type TableHeading } from './common'

export interface HandoverLine {
  item: HandoverItemKey
  record: HandoverItemRecord | null
}

/** The five lines of a village's 移交清单, the ones not yet handed over left blank to fill in by hand. */
export const handoverLines = (v: HandoverVillage): HandoverLine[] =>
  HANDOVER_ITEMS.map((item) => ({ item, record: v.items.find((i) => i.item === item) ?? null }))

const SIGN = '____________'

/** 移交清单 of one village: each item with who handed over, who received, who supervised, and the three signatures. */
export function handoverSpec(h: TableHeading, v: HandoverVillage): TableSpec<HandoverLine> {
  return {
    title: `${v.villageName}新老班子工作移交清单`,
    sheetName: `${v.villageName}移交清单`.slice(0, 31),
    unit: h.unit,
    date: h.date,
    orientation: 'portrait',
    fields: [
      { label: '村(社区)', value: v.villageName },
      { label: '新一届村(居)委会选举日', value: v.electedOn?.replaceAll('-', '.') ?? null },
      { label: '移交时限', value: v.dueOn?.replaceAll('-', '.') ?? null },
      { label: '移交进度', value: `${v.state}（${v.done}/${v.total}）` }
    ],
    columns: [
      indexColumn(),
      { header: '移交事项', width: 26, value: (r) => HANDOVER_ITEM_LABELS[r.item] },
      { header: '移交人', width: 9, align: 'center', value: (r) => r.record?.handedBy },
      { header: '接收人', width: 9, align: 'center', value: (r) => r.record?.receivedBy },
      { header: '监交人', width: 9, align: 'center', value: (r) => r.record?.supervisedBy },
      { header: '移交日期', width: 12, kind: 'date', align: 'center', value: (r) => r.record?.handedOn },
      { header: '备注', width: 16, value: (r) => r.record?.note }
    ],
    note: '注：三资含账目、合同、资产台账；清单一式三份，移交人、接收人、监交人各执一份。',
    closing: [
      { text: `移交人（签字）：${SIGN}    接收人（签字）：${SIGN}    监交人（签字）：${SIGN}` },
      { text: '年    月    日', align: 'right' }
    ]
  }
}

/** One line of the township's 交接进度; the last line is the township's 合计. */
export interface HandoverBoardLine {
  villageName: string
  electedOn: string | null
  dueOn: string | null
  done: number
  total: number
  daysLeft: number | null
  state: string
  late: boolean
  finishedOn: string | null
  isTotal?: boolean
}

export function handoverBoardLines(villages: HandoverVillage[]): HandoverBoardLine[] {
  const elected = villages.filter((v) => v.state !== '未选举')
  const finished = elected.filter((v) => v.state === '已完成').length
  const overdue = elected.filter((v) => v.state === '逾期').length
  return [
    ...villages.map((v) => ({ ...v, state: v.state === '已完成' && v.late ? '逾期完成' : v.state })),
    {
      villageName: '合计',
      electedOn: null,
      dueOn: null,
      done: elected.reduce((s, v) => s + v.done, 0),
      total: elected.reduce((s, v) => s + v.total, 0),
      daysLeft: null,
      state: `已完成${finished}个，逾期${overdue}个`,
      late: overdue > 0,
      finishedOn: null,
      isTotal: true
    }
  ]
}

/** 交接进度: each village's handover against its window, overdue in red. */
export function handoverBoardSpec(h: TableHeading & { days: number }): TableSpec<HandoverBoardLine> {
  return {
    title: `${titlePrefix(h)}村(社区)新老班子工作移交进度表`,
    sheetName: '交接进度',
    unit: h.unit,
    date: h.date,
    orientation: 'portrait',
    isTotal: (r) => r.isTotal === true,
    columns: [
      { header: '序号', width: 6, kind: 'number', align: 'center', value: (r, i) => (r.isTotal ? '' : i + 1) },
      { header: '村(社区)', width: 12, value: (r) => r.villageName },
      { header: '选举日', width: 11, kind: 'date', align: 'center', value: (r) => r.electedOn },
      { header: '移交时限', width: 11, kind: 'date', align: 'center', value: (r) => r.dueOn, mark: (r) => r.late },
      { header: '已移交', group: '移交事项', width: 7, kind: 'number', value: (r) => r.done },
      { header: '应移交', group: '移交事项', width: 7, kind: 'number', value: (r) => (r.isTotal || r.state !== '未选举' ? r.total : null) },
      { header: '剩余天数', width: 8, kind: 'number', value: (r) => (r.state === '已完成' ? null : r.daysLeft), mark: (r) => r.late },
      { header: '状态', width: 16, align: 'center', value: (r) => r.state, mark: (r) => r.late },
      { header: '完成日期', width: 11, kind: 'date', align: 'center', value: (r) => r.finishedOn }
    ],
    note: `注：移交时限为新一届村(居)委会选举之日起 ${h.days} 日；剩余天数为负即已逾期。`
  }
}
