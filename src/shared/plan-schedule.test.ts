import { describe, expect, it } from 'vitest'
import {
  DEFAULT_PLAN_TEMPLATE,
  dateProblem,
  evaluatePlan,
  planTemplate,
  schedulePlan,
  tickProblem,
  untickProblem,
  voteDateProblems,
  type StepTick
} from './plan-schedule'
import { addDays, daysBetween } from './dates'

const dates = { partyElectionDate: '2026-03-10', committeeElectionDate: '2026-04-20' }
const byKey = <T extends { key: string }>(steps: T[]) => Object.fromEntries(steps.map((s) => [s.key, s]))
const tick = (stepKey: string, doneOn: string): StepTick => ({ stepKey, doneOn, plannedOn: null, note: '', doneBy: '' })

describe('schedulePlan (倒排工期)', () => {
  it('lays the committee steps out backwards from the vote, followers first', () => {
    const s = byKey(schedulePlan(DEFAULT_PLAN_TEMPLATE, dates))
    expect(s['c-vote']).toMatchObject({ start: '2026-04-20', end: '2026-04-20' })
    expect(s['c-prepare']).toMatchObject({ start: '2026-04-17', end: '2026-04-19' })
    // 公布正式候选人: the day before 选举准备 would be 04-16, but the law wants ≥ 5 days: 04-15.
    expect(s['c-candidates']).toMatchObject({ start: '2026-04-15', end: '2026-04-15', legalLatest: '2026-04-15' })
    expect(s['c-review']).toMatchObject({ start: '2026-04-08', end: '2026-04-14' })
    expect(s['c-voterlist'].end! <= '2026-03-31').toBe(true)
    expect(s['c-voterlist'].legalLatest).toBe('2026-03-31')
    expect(s['c-prep'].start! < s['c-register'].start!).toBe(true)
  })

  it('keeps the 20-day voter-list minimum when the steps after it are short', () => {
    const short = DEFAULT_PLAN_TEMPLATE.map((st) => (st.side === '村委会' && st.key !== 'c-vote' ? { ...st, durationDays: 1 } : st))
    const s = byKey(schedulePlan(short, dates))
    expect(s['c-voterlist'].end).toBe('2026-03-31')
    expect(s['c-register'].end).toBe('2026-03-30')
  })

  it('places the steps after the vote forwards, with the 10-day handover limit', () => {
    const s = byKey(schedulePlan(DEFAULT_PLAN_TEMPLATE, dates))
    expect(s['c-report']).toMatchObject({ start: '2026-04-21', end: '2026-04-21' })
    expect(s['c-handover']).toMatchObject({ start: '2026-04-21', end: '2026-04-30', legalLatest: '2026-04-30' })
    expect(s['c-archive'].start).toBe('2026-04-29')
  })

  it('leaves a side unscheduled until its election date is known', () => {
    const s = byKey(schedulePlan(DEFAULT_PLAN_TEMPLATE, { partyElectionDate: null, committeeElectionDate: '2026-04-20' }))
    expect(s['p-vote']).toMatchObject({ start: null, end: null })
    expect(s['p-report']).toMatchObject({ start: null, end: null })
    expect(s['c-vote'].start).toBe('2026-04-20')
  })

  it('uses a hand-set date and flags it when it breaks the legal minimum', () => {
    const steps = schedulePlan(DEFAULT_PLAN_TEMPLATE, dates, { 'c-voterlist': '2026-04-05' })
    const voterList = steps.find((s) => s.key === 'c-voterlist')!
    expect(voterList).toMatchObject({ end: '2026-04-05', overridden: true })
    expect(dateProblem(voterList, '2026-04-05')).toContain('2026-03-31')
    expect(dateProblem(voterList, '2026-03-31')).toBeNull()
    const status = byKey(evaluatePlan(steps, [], '2026-03-01'))
    expect(status['c-voterlist'].problems).toEqual([expect.objectContaining({ level: 'breach', message: expect.stringContaining('计划日期 2026-04-05 晚于法定最迟日期 2026-03-31') })])
  })
})

describe('evaluatePlan', () => {
  it('flags a vote date that leaves too little time, before the vote happens', () => {
    // Vote in 10 days: the voter list should have been published 10 days ago.
    const steps = schedulePlan(DEFAULT_PLAN_TEMPLATE, { partyElectionDate: null, committeeElectionDate: '2026-05-11' })
    const s = byKey(evaluatePlan(steps, [], '2026-05-03'))
    expect(s['c-voterlist'].state).toBe('已逾期')
    expect(s['c-voterlist'].problems[0]).toMatchObject({ level: 'breach', message: expect.stringContaining('已过法定最迟日期 2026-04-21') })
    expect(s['c-candidates'].problems).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringContaining('仅剩 3 天') })])
    expect(s['c-vote'].state).toBe('未开始')
  })

  it('gives each step a state on a fixed date', () => {
    const steps = schedulePlan(DEFAULT_PLAN_TEMPLATE, dates)
    const s = byKey(evaluatePlan(steps, [tick('c-prep', '2026-03-13')], '2026-03-17'))
    expect(s['c-prep'].state).toBe('已完成')
    expect(s['c-register']).toMatchObject({ state: '进行中', start: '2026-03-16', end: '2026-03-20' })
    expect(s['c-voterlist'].state).toBe('未开始')
    expect(s['p-vote'].state).toBe('已逾期')
  })

  it('flags a step done after its legal limit', () => {
    const steps = schedulePlan(DEFAULT_PLAN_TEMPLATE, dates)
    const ticks = ['c-prep', 'c-register'].map((k) => tick(k, '2026-03-20')).concat(tick('c-voterlist', '2026-04-02'))
    const s = byKey(evaluatePlan(steps, ticks, '2026-04-03'))
    expect(s['c-voterlist'].problems[0]).toMatchObject({ level: 'breach', message: expect.stringContaining('实际完成日期 2026-04-02') })
  })
})

describe('ticking in order', () => {
  const steps = () => schedulePlan(DEFAULT_PLAN_TEMPLATE, dates)

  it('refuses a step before the one it follows, and a date before it', () => {
    const none = evaluatePlan(steps(), [], '2026-03-25')
    expect(tickProblem(none, 'c-register', '2026-03-20', '2026-03-25')).toBe('须先完成前置步骤“前期准备（联席会议、推选选举委员会、发布公告）”')
    expect(tickProblem(none, 'c-prep', '2026-03-20', '2026-03-25')).toBeNull()
    expect(tickProblem(none, 'c-prep', '2026-03-26', '2026-03-25')).toBe('完成日期不能晚于今天')
    const one = evaluatePlan(steps(), [tick('c-prep', '2026-03-20')], '2026-03-25')
    expect(tickProblem(one, 'c-register', '2026-03-19', '2026-03-25')).toContain('不能早于前置步骤')
    expect(tickProblem(one, 'c-register', '2026-03-20', '2026-03-25')).toBeNull()
    expect(tickProblem(one, 'c-prep', '2026-03-21', '2026-03-25')).toContain('已于 2026-03-20 完成')
  })

  it('un-ticks only the last done step of a chain', () => {
    const two = evaluatePlan(steps(), [tick('c-prep', '2026-03-20'), tick('c-register', '2026-03-22')], '2026-03-25')
    expect(untickProblem(two, 'c-prep')).toContain('选民登记')
    expect(untickProblem(two, 'c-register')).toBeNull()
    expect(untickProblem(two, 'c-voterlist')).toBe('该步骤尚未完成')
  })
})

describe('template and dates', () => {
  it('accepts the default template and refuses a broken one', () => {
    expect(planTemplate.safeParse(DEFAULT_PLAN_TEMPLATE).success).toBe(true)
    const noVote = DEFAULT_PLAN_TEMPLATE.map((s) => ({ ...s, isVote: false }))
    expect(planTemplate.safeParse(noVote).success).toBe(false)
    const forward = [DEFAULT_PLAN_TEMPLATE[1], DEFAULT_PLAN_TEMPLATE[0], ...DEFAULT_PLAN_TEMPLATE.slice(2)]
    const r = planTemplate.safeParse(forward)
    expect(r.success).toBe(false)
    expect(r.error!.issues[0].message).toContain('前置步骤必须排在它前面')
  })

  it('wants the committee vote after the Party vote', () => {
    expect(voteDateProblems(dates)).toEqual([])
    expect(voteDateProblems({ partyElectionDate: '2026-04-20', committeeElectionDate: '2026-04-20' })).toHaveLength(1)
  })
})

describe('申诉处理 in the default plan', () => {
  // 选民名单 objections within 5 days of publication, each answered within 3: the step cannot end before both have run.
  it.each(['2026-03-01', '2026-02-28', '2027-01-04'])('for an election on %s ends 5 + 3 days after the list is published', (committeeElectionDate) => {
    const steps = schedulePlan(DEFAULT_PLAN_TEMPLATE, { partyElectionDate: null, committeeElectionDate })
    const published = steps.find((s) => s.key === 'c-voterlist')!.end!
    const appeal = steps.find((s) => s.key === 'c-appeal')!
    expect(daysBetween(published, appeal.end!)).toBe(5 + 3)
    expect(appeal.start).toBe(addDays(published, 1))
  })
})
