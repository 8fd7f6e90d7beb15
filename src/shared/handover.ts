import { z } from 'zod'
import { addDays, daysBetween, isIsoDate } from './dates'
import { defineSetting } from './settings'

/**
 * 新老班子工作移交: what the outgoing committee hands to the new one within a fixed number of days of its
 * election (10 in published practice, a setting), item by item, each signed for by 移交人, 接收人 and 监交人.
 */
export const HANDOVER_ITEMS = ['公章', '文书档案', '三资', '未了事项', '债权债务'] as const
export type HandoverItemKey = (typeof HANDOVER_ITEMS)[number]

/** What each item covers, as the 移交清单 prints it. */
export const HANDOVER_ITEM_LABELS: Record<HandoverItemKey, string> = {
  公章: '公章（印章）',
  文书档案: '文书档案',
  三资: '三资（账目、合同、资产台账）',
  未了事项: '未了事项',
  债权债务: '债权债务'
}

export const DEFAULT_HANDOVER_DAYS = 10

const name = (what: string) => z.string().trim().min(1, `请填写${what}`).max(50, `${what}不能超过50个字`)

export const handoverItemInput = z.object({
  villageId: z.number({ error: '缺少村社' }).int().positive(),
  item: z.enum(HANDOVER_ITEMS, { error: '移交事项应为公章、文书档案、三资、未了事项或债权债务' }),
  handedBy: name('移交人'),
  receivedBy: name('接收人'),
  supervisedBy: name('监交人'),
  handedOn: z.string({ error: '请选择移交日期' }).refine(isIsoDate, '移交日期格式应为 YYYY-MM-DD'),
  note: z.string().trim().max(1000, '备注不能超过1000个字').default('')
})
export type HandoverItemData = z.output<typeof handoverItemInput>

export const handoverItemRef = z.object({
  villageId: z.number({ error: '缺少村社' }).int().positive(),
  item: z.enum(HANDOVER_ITEMS, { error: '未知的移交事项' })
})

export const HANDOVER_LABELS: Record<string, string> = {
  villageId: '村社',
  item: '移交事项',
  handedBy: '移交人',
  receivedBy: '接收人',
  supervisedBy: '监交人',
  handedOn: '移交日期',
  note: '备注'
}

export interface HandoverItemRecord extends HandoverItemData {
  updatedAt: string
}

export type HandoverState = '未选举' | '未开始' | '进行中' | '已完成' | '逾期'

export interface HandoverProgress {
  /** The day the new 村(居)委会 was elected; null while it is not. */
  electedOn: string | null
  /** The last day of the handover window. */
  dueOn: string | null
  /** Days left to the last day (0 on it, negative after); null before the election. */
  daysLeft: number | null
  done: number
  total: number
  state: HandoverState
  /** Open past the last day, or finished after it. */
  late: boolean
  /** The day the last item was handed over, when all are. */
  finishedOn: string | null
}

/**
 * Where one village's handover stands on `today`. The window counts from the election day: with 10 days,
 * an election on 3月1日 must be handed over by 3月11日; on 3月12日 an open handover is overdue.
 */
export function handoverProgress(electedOn: string | null, handed: { handedOn: string }[], today: string, days: number): HandoverProgress {
  const total = HANDOVER_ITEMS.length
  const done = handed.length
  if (electedOn === null) return { electedOn, dueOn: null, daysLeft: null, done, total, state: '未选举', late: false, finishedOn: null }
  const dueOn = addDays(electedOn, days)
  const daysLeft = daysBetween(today, dueOn)
  const finishedOn = done >= total ? handed.reduce((m, h) => (h.handedOn > m ? h.handedOn : m), handed[0].handedOn) : null
  if (finishedOn) return { electedOn, dueOn, daysLeft, done, total, state: '已完成', late: finishedOn > dueOn, finishedOn }
  const late = today > dueOn
  return { electedOn, dueOn, daysLeft, done, total, state: late ? '逾期' : done === 0 ? '未开始' : '进行中', late, finishedOn }
}

export const handoverDaysSetting = defineSetting({
  key: 'handover.days',
  label: '工作移交时限（天）',
  schema: z.number({ error: '应为天数' }).int('应为整数').min(1, '至少1天').max(60, '不能超过60天'),
  defaultValue: DEFAULT_HANDOVER_DAYS
})

export const handoverSettingsInput = z.object({ days: handoverDaysSetting.schema })
