import { describe, expect, it } from 'vitest'
import { Store } from './store'
import { testServices } from './test-support'
import { buildApi } from '../api'
import { calendarOf, isWorkingDay, lastWorkingDay } from '../../shared/official-calendar'

// The calendar as the register ships it (migration 13: 国务院办公厅's 2026 schedule), not a copy made here.
const shipped = () => calendarOf(testServices(Store.memoryStore()).calendar.list())

describe('公示 of 5 working days over the 2026 official calendar', () => {
  const calendar = shipped()
  it.each([
    // start, working days, last day — plain weeks count Monday to Friday
    ['2026-03-02', 5, '2026-03-06'],
    ['2026-03-04', 5, '2026-03-10'],
    ['2026-03-07', 1, '2026-03-09'],
    // 国庆节 1–7 October are off, 10 October (Saturday) is worked
    ['2026-09-29', 5, '2026-10-10'],
    ['2026-09-28', 5, '2026-10-09'],
    ['2026-09-30', 5, '2026-10-12'],
    // 春节 15–23 February off, 14 and 28 February (Saturdays) worked
    ['2026-02-12', 3, '2026-02-14'],
    ['2026-02-24', 5, '2026-02-28'],
    ['2026-02-25', 5, '2026-03-02'],
    // 劳动节 1–5 May off, 9 May worked
    ['2026-04-30', 2, '2026-05-06'],
    ['2026-05-06', 4, '2026-05-09']
  ])('from %s, %i working days end on %s', (start, days, end) => {
    expect(lastWorkingDay(start, days, calendar)).toBe(end)
  })

  it('knows the 调休 weekend days as working days and the holidays as off', () => {
    expect(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'].every((d) => isWorkingDay(d, calendar))).toBe(true)
    expect(['2026-01-01', '2026-02-16', '2026-04-06', '2026-06-19', '2026-09-25', '2026-10-07'].some((d) => isWorkingDay(d, calendar))).toBe(false)
  })
})

describe('the office extends the calendar', () => {
  it('counts a day it adds, refuses a weekday as 调休上班, and logs each change', async () => {
    const store = Store.memoryStore({ actor: '测试' })
    const calendar = testServices(store).calendar
    // 2027-01-01 is a Friday: without the year's schedule it counts as a working day.
    expect(lastWorkingDay('2026-12-31', 2, calendar.calendar())).toBe('2027-01-01')
    calendar.save({ day: '2027-01-01', kind: '休', name: '元旦' })
    expect(lastWorkingDay('2026-12-31', 2, calendar.calendar())).toBe('2027-01-04')
    expect(() => calendar.save({ day: '2027-01-05', kind: '班', name: '调休' })).toThrow('2027-01-05是工作日，不需登记为调休上班')
    const r = await buildApi(store).calendar.save({ day: '2027-02-30', kind: '休', name: '春节' })
    expect(!r.ok && r.error.fields?.day).toBe('日期格式应为 YYYY-MM-DD')
    calendar.remove('2027-01-01')
    expect(lastWorkingDay('2026-12-31', 2, calendar.calendar())).toBe('2027-01-01')
    expect(store.all<{ summary: string }>(`SELECT summary FROM audit_log WHERE entity = 'official_day' ORDER BY id`).map((a) => a.summary)).toEqual([
      '法定节假日：2027-01-01放假（元旦）',
      '删除法定节假日安排：2027-01-01（元旦）'
    ])
  })
})
