import { z } from 'zod'
import { addDays, isIsoDate } from './dates'

/**
 * The official calendar a count of 工作日 follows: the days off the 国务院办公厅 schedule gives each year (休)
 * and the weekend days it makes working days (班, 调休). Kept in the register; the office adds each new year.
 */
export interface OfficialDay {
  day: string
  kind: '休' | '班'
  name: string
}

export type OfficialCalendar = ReadonlyMap<string, OfficialDay['kind']>

export const calendarOf = (days: readonly OfficialDay[]): OfficialCalendar => new Map(days.map((d) => [d.day, d.kind]))

/** A working day: Monday to Friday unless the schedule gives it off, a weekend day when it is 调休上班. */
export function isWorkingDay(day: string, calendar: OfficialCalendar): boolean {
  const kind = calendar.get(day)
  if (kind) return kind === '班'
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay()
  return dow !== 0 && dow !== 6
}

/** The last day of a period of `days` working days starting on `start` (counted when it is a working day). */
export function lastWorkingDay(start: string, days: number, calendar: OfficialCalendar): string {
  let day = start
  let left = days
  for (;;) {
    if (isWorkingDay(day, calendar)) left -= 1
    if (left <= 0) return day
    day = addDays(day, 1)
  }
}

/** The years the calendar holds a schedule for. */
export const calendarYears = (days: readonly OfficialDay[]): number[] => [...new Set(days.map((d) => Number(d.day.slice(0, 4))))].sort()

export const officialDayInput = z.object({
  day: z.string({ error: '请填写日期' }).refine(isIsoDate, '日期格式应为 YYYY-MM-DD'),
  kind: z.enum(['休', '班'], { error: '请选择放假或调休上班' }),
  name: z.string().trim().min(1, '请填写节日名称（如“春节”“春节调休上班”）').max(30, '名称不能超过30个字')
})
export const officialDayRef = z.object({ day: z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD') })
export const OFFICIAL_DAY_LABELS: Record<string, string> = { day: '日期', kind: '类别', name: '名称' }
