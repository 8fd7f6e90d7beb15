import { describe, expect, it } from 'vitest'
import { addDays, daysBetween } from './dates'
import { daysOverdue, isOverdue, isReopening, isUnattended, openCountOn, openTrend, transitionProblem, type StatusEvent } from './risk-rules'

describe('status transitions', () => {
  it('moves forward, closes from either open state and reopens', () => {
    expect(transitionProblem('未化解', '化解中')).toBeNull()
    expect(transitionProblem('化解中', '已化解')).toBeNull()
    expect(transitionProblem('未化解', '已化解')).toBeNull()
    expect(transitionProblem('化解中', '未化解')).toContain('不能退回')
    expect(transitionProblem('已化解', '已化解')).toContain('已是')
    expect(transitionProblem('已化解', '化解中')).toBeNull()
    expect(isReopening('已化解', '化解中')).toBe(true)
    expect(isReopening('未化解', '化解中')).toBe(false)
  })
})

describe('overdue and unattended on fixed dates', () => {
  it('counts an open item past its deadline, never a closed one', () => {
    expect(isOverdue({ status: '未化解', deadline: '2026-03-09' }, '2026-03-10')).toBe(true)
    expect(isOverdue({ status: '化解中', deadline: '2026-03-10' }, '2026-03-10')).toBe(false)
    expect(isOverdue({ status: '已化解', deadline: '2026-01-01' }, '2026-03-10')).toBe(false)
    expect(isOverdue({ status: '未化解', deadline: null }, '2026-03-10')).toBe(false)
    expect(daysOverdue({ status: '未化解', deadline: '2026-02-28' }, '2026-03-10')).toBe(10)
  })

  it('calls a key person unattended after N days without a talk, or never talked to', () => {
    expect(isUnattended(null, '2026-03-10', 30)).toBe(true)
    expect(isUnattended('2026-02-08', '2026-03-10', 30)).toBe(false)
    expect(isUnattended('2026-02-07', '2026-03-10', 30)).toBe(true)
    expect(isUnattended('2026-03-03', '2026-03-10', 7)).toBe(false)
  })

  it('does calendar arithmetic across month ends and leap days', () => {
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(daysBetween('2026-03-01', '2026-04-20')).toBe(50)
  })
})

describe('trend of open items', () => {
  const events: StatusEvent[] = [
    { itemId: 1, on: '2026-03-01', seq: 1, to: '未化解' },
    { itemId: 2, on: '2026-03-03', seq: 2, to: '未化解' },
    { itemId: 1, on: '2026-03-05', seq: 3, to: '化解中' },
    { itemId: 1, on: '2026-03-08', seq: 4, to: '已化解' },
    { itemId: 1, on: '2026-03-09', seq: 5, to: '未化解' },
    { itemId: 2, on: '2026-03-09', seq: 6, to: '已化解' }
  ]

  it('counts each item in its status on the date', () => {
    expect(openCountOn(events, '2026-02-28')).toBe(0)
    expect(openCountOn(events, '2026-03-04')).toBe(2)
    expect(openCountOn(events, '2026-03-08')).toBe(1)
    expect(openCountOn(events, '2026-03-09')).toBe(1)
  })

  it('runs from the first event to today', () => {
    const t = openTrend(events, '2026-03-10')
    expect(t[0]).toEqual({ date: '2026-03-01', open: 1 })
    expect(t[t.length - 1]).toEqual({ date: '2026-03-10', open: 1 })
    expect(t).toHaveLength(10)
    expect(openTrend(events, '2027-03-01', 30).length).toBeLessThanOrEqual(30)
    expect(openTrend([], '2026-03-10')).toEqual([{ date: '2026-03-10', open: 0 }])
  })
})
