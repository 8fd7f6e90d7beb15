import { addDays, daysBetween } from './dates'

/**
 * Rules of the risk files (风险档案), pure and dated: every computation takes "today" as a parameter so the
 * township view and the tests agree on what is overdue or unattended.
 */
export const RISK_STATUSES = ['未化解', '化解中', '已化解'] as const
export type RiskStatus = (typeof RISK_STATUSES)[number]

/** The risk files before the vote, and the 回头看 ledger of problems found after it: one mechanism, two ledgers. */
export const RISK_LEDGERS = ['风险', '回头看'] as const
export type RiskLedger = (typeof RISK_LEDGERS)[number]

/** 回头看: the kinds of problem found after the election, as published practice lists them. */
export const LOOKBACK_KINDS = ['程序疏漏', '资格不符', '拉票贿选', '宗族/黑恶干扰', '三资问题', '交接不畅', '落选干部思想波动', '其他'] as const

export const DEFAULT_RISK_TYPES = ['信访矛盾', '宗族派性', '黑恶势力', '拉票贿选', '三资问题', '历史遗留', '征地拆迁', '干部违纪', '其他']
export const RISK_SOURCES = ['走访', '信访', '联审', '举报', '巡察', '其他'] as const
export const TALK_KINDS = ['谈心谈话', '警示谈话'] as const
export type TalkKind = (typeof TALK_KINDS)[number]
export const DEFAULT_TALK_INTERVAL_DAYS = 30

export const isOpen = (status: RiskStatus): boolean => status !== '已化解'

/**
 * Why a risk item may not move from one status to another, or null. Items only move forward
 * (未化解 → 化解中 → 已化解, or straight to 已化解); a closed item may be reopened, and the history keeps both.
 */
export function transitionProblem(from: RiskStatus, to: RiskStatus): string | null {
  if (from === to) return `该事项已是“${to}”`
  if (from === '化解中' && to === '未化解') return '化解中的事项不能退回“未化解”；如化解无效，请在记录中说明'
  return null
}

export const isReopening = (from: RiskStatus, to: RiskStatus): boolean => from === '已化解' && to !== '已化解'

export function isOverdue(item: { status: RiskStatus; deadline: string | null }, today: string): boolean {
  return isOpen(item.status) && item.deadline !== null && item.deadline < today
}

export function daysOverdue(item: { status: RiskStatus; deadline: string | null }, today: string): number {
  return isOverdue(item, today) ? daysBetween(item.deadline!, today) : 0
}

/** A key person is unattended when nobody has talked with them in the last `days` days (or ever). */
export function isUnattended(lastTalkOn: string | null, today: string, days: number): boolean {
  return lastTalkOn === null || lastTalkOn < addDays(today, -days)
}

export interface StatusEvent {
  itemId: number
  /** The date the change took effect (the 销号 date, the date found, …). */
  on: string
  /** Order among events of one item on the same date. */
  seq: number
  to: RiskStatus
}

/** Open items on `date`: each item counts in the status of its last event on or before that date. */
export function openCountOn(events: StatusEvent[], date: string): number {
  const last = new Map<number, StatusEvent>()
  for (const e of events) {
    if (e.on > date) continue
    const cur = last.get(e.itemId)
    if (!cur || e.on > cur.on || (e.on === cur.on && e.seq > cur.seq)) last.set(e.itemId, e)
  }
  let n = 0
  for (const e of last.values()) if (isOpen(e.to)) n++
  return n
}

/** The open-item count from the first event to `today`, at most `points` evenly spaced dates, `today` last. */
export function openTrend(events: StatusEvent[], today: string, points = 30): { date: string; open: number }[] {
  if (events.length === 0) return [{ date: today, open: 0 }]
  const first = events.reduce((m, e) => (e.on < m ? e.on : m), events[0].on)
  const span = Math.max(0, daysBetween(first, today))
  const step = Math.max(1, Math.ceil(span / Math.max(1, points - 1)))
  const dates: string[] = []
  for (let d = 0; d < span; d += step) dates.unshift(addDays(today, -d))
  dates.unshift(first)
  return dates.map((date) => ({ date, open: openCountOn(events, date) }))
}
