import { describe, expect, it } from 'vitest'
import { Store } from './store'
import { testServices } from './test-support'
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
