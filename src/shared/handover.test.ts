import { describe, expect, it } from 'vitest'
import { handoverProgress } from './handover'

const handed = (n: number, on = '2026-03-05') => Array.from({ length: n }, () => ({ handedOn: on }))

describe('the handover window of 10 days from election day 2026-03-01', () => {
  it.each([
    // today, items handed, state, days left, late
    ['2026-03-01', 0, '未开始', 10, false],
    ['2026-03-06', 2, '进行中', 5, false],
    ['2026-03-11', 4, '进行中', 0, false], // day 10: the last day, not yet overdue
    ['2026-03-12', 4, '逾期', -1, true], // day 11: overdue
    ['2026-03-12', 0, '逾期', -1, true],
    ['2026-03-20', 5, '已完成', -9, false]
  ] as const)('on %s with %i of 5 items handed: %s, %i days left', (today, n, state, daysLeft, late) => {
    const p = handoverProgress('2026-03-01', handed(n), today, 10)
    expect(p).toMatchObject({ state, daysLeft, late, dueOn: '2026-03-11', done: n, total: 5 })
  })

  it('counts a handover finished on day 11 as late, on day 10 as in time', () => {
    const onTime = handoverProgress('2026-03-01', [...handed(4), { handedOn: '2026-03-11' }], '2026-03-30', 10)
    const late = handoverProgress('2026-03-01', [...handed(4), { handedOn: '2026-03-12' }], '2026-03-30', 10)
    expect(onTime).toMatchObject({ state: '已完成', late: false, finishedOn: '2026-03-11' })
    expect(late).toMatchObject({ state: '已完成', late: true, finishedOn: '2026-03-12' })
  })

  it('follows the setting: with 15 days, day 11 is still in time', () => {
    expect(handoverProgress('2026-03-01', [], '2026-03-12', 15)).toMatchObject({ state: '未开始', late: false, daysLeft: 4 })
  })

  it('has no window before the new committee is elected', () => {
    expect(handoverProgress(null, [], '2026-03-12', 10)).toMatchObject({ state: '未选举', dueOn: null, daysLeft: null, late: false })
  })
})
