import { describe, expect, it } from 'vitest'
import { stageInput } from './candidate'
import { seatsOf } from './seats'
import {
  computeProgress,
  scoreEvaluation,
  stageRefusal,
  villageRuleChecks,
  type ProgressInput,
  type RuleCandidate,
  type StageRecord,
  type VettingRules
} from './vetting-rules'

const RULES: VettingRules = {
  departments: ['公安', '法院', '信访局'],
  meetingLevels: ['乡镇党委会', '县委组织部部务会'],
  weights: { party: 3, representatives: 5, satisfaction: 2 },
  unsatisfiedThreshold: 30,
  publicityDays: 5,
  partyMarginPercent: 20,
  oneShoulderTarget: 100
}

const votes = (unsatisfied: number, satisfied = 10 - unsatisfied) => ({
  heldOn: '2026-03-02',
  partyBallots: 40,
  partyTrust: 30,
  repBallots: 20,
  repTrust: 18,
  satisfied,
  basicallySatisfied: 0,
  unsatisfied
})

describe('scoreEvaluation', () => {
  it('combines the three rates with the 3:5:2 weights', () => {
    const s = scoreEvaluation({ ...votes(2, 6), basicallySatisfied: 2 }, RULES)
    expect(s.partyRate).toBe(75)
    expect(s.repRate).toBe(90)
    expect(s.satisfactionRate).toBe(80)
    expect(s.unsatisfiedRate).toBe(20)
    expect(s.combined).toBeCloseTo((3 * 75 + 5 * 90 + 2 * 80) / 10, 10)
    expect(s.barred).toBe(false)
  })

  it('follows other weights', () => {
    const s = scoreEvaluation(votes(0), { ...RULES, weights: { party: 1, representatives: 0, satisfaction: 0 } })
    expect(s.combined).toBe(75)
  })

  it('bars above the threshold, not at it', () => {
    expect(scoreEvaluation(votes(3), RULES).barred).toBe(false)
    expect(scoreEvaluation(votes(4), RULES).barred).toBe(true)
    expect(scoreEvaluation(votes(4), { ...RULES, unsatisfiedThreshold: 40 }).barred).toBe(false)
  })
})

const stage = (s: Partial<StageRecord> & Pick<StageRecord, 'stage' | 'decidedOn'>): StageRecord => ({
  id: 1,
  candidateId: 1,
  level: '',
  result: '通过',
  decider: '乡镇党委',
  docNo: '',
  note: '',
  publicityStart: null,
  publicityEnd: null,
  objections: '',
  createdAt: '',
  ...s
})

const base: ProgressInput = { incumbent: false, proposedOn: '2026-03-01', evaluation: null, verdicts: [], stages: [], findings: [], rules: RULES }
const verdict = (department: string, v: '通过' | '不通过' | '待反馈', reason = '') => ({
  id: 1,
  candidateId: 1,
  department,
  verdict: v,
  reason,
  sentOn: '2026-03-05',
  decidedOn: v === '待反馈' ? null : '2026-03-06'
})

describe('computeProgress and stageRefusal', () => {
  it('starts a new person at 资格初审 and an incumbent at 民主测评', () => {
    expect(computeProgress(base).current).toBe('资格初审')
    expect(computeProgress({ ...base, incumbent: true }).current).toBe('民主测评')
  })

  it('stops an incumbent whose 不满意率 is above the threshold and says why', () => {
    const p = computeProgress({ ...base, incumbent: true, evaluation: votes(4) })
    expect(p.status).toBe('已停止')
    expect(p.stopped).toMatchObject({ stage: '民主测评', reason: expect.stringContaining('不满意率 40.0%') })
  })

  it('refuses a stage recorded out of order, naming the one that is due', () => {
    const p = computeProgress(base)
    const r = { stage: '考察' as const, level: '', result: '通过' as const, decidedOn: '2026-03-10', publicityEnd: null }
    expect(stageRefusal(p, r)).toBe('须先完成“资格初审”环节，才能记录“考察”')
    expect(stageRefusal(p, { ...r, stage: '资格初审' })).toBeNull()
    expect(stageRefusal(p, { ...r, stage: '资格初审', decidedOn: '2026-02-01' })).toContain('早于上一环节')
  })

  it('waits for every department in 联审 and stops on one 不通过', () => {
    const stages = [stage({ stage: '资格初审', decidedOn: '2026-03-04' })]
    const waiting = computeProgress({ ...base, stages, verdicts: [verdict('公安', '通过'), verdict('法院', '待反馈')] })
    expect(waiting.current).toBe('县级联审')
    expect(waiting.awaiting).toEqual(['法院', '信访局'])
    expect(stageRefusal(waiting, { stage: '考察', level: '', result: '通过', decidedOn: '2026-03-10', publicityEnd: null })).toContain('待反馈：法院、信访局')
    const refused = computeProgress({ ...base, stages, verdicts: [verdict('公安', '通过'), verdict('法院', '不通过', '有未结执行案件')] })
    expect(refused.stopped).toEqual({ stage: '县级联审', reason: '法院：有未结执行案件' })
    const passed = computeProgress({ ...base, stages, verdicts: RULES.departments.map((d) => verdict(d, '通过')) })
    expect(passed.current).toBe('考察')
  })

  it('takes the 会审 levels in order and holds 公示 until the period is over', () => {
    const stages = [
      stage({ stage: '资格初审', decidedOn: '2026-03-04' }),
      stage({ stage: '考察', decidedOn: '2026-03-08' }),
      stage({ stage: '会审', level: '乡镇党委会', decidedOn: '2026-03-09' })
    ]
    const p = computeProgress({ ...base, stages, verdicts: RULES.departments.map((d) => verdict(d, '通过')) })
    expect(p.current).toBe('会审')
    expect(p.currentLevel).toBe('县委组织部部务会')
    const r = { stage: '会审' as const, level: '乡镇党委会', result: '通过' as const, decidedOn: '2026-03-10', publicityEnd: null }
    expect(stageRefusal(p, r)).toContain('已有记录')
    const p2 = computeProgress({ ...base, stages: [...stages, stage({ stage: '会审', level: '县委组织部部务会', decidedOn: '2026-03-10' })], verdicts: RULES.departments.map((d) => verdict(d, '通过')) })
    const publicity = { stage: '公示' as const, level: '', result: '通过' as const, decidedOn: '2026-03-13', publicityEnd: '2026-03-13' }
    expect(stageRefusal(p2, publicity)).toContain('期满后')
    expect(stageRefusal(p2, { ...publicity, decidedOn: '2026-03-16' })).toBeNull()
    expect(stageRefusal(p2, { ...publicity, result: '不通过' })).toBeNull()
  })

  it('lets a 不能 finding stop the candidate and a pending 不宜 finding hold every pass', () => {
    const finding = { id: 1, personId: 1, itemCode: 'x', itemText: '受过刑事处罚', department: '公安', evidence: '判决书', foundOn: '2026-03-02', decidedBy: '', decidedOn: null, decisionNote: '' }
    const barred = computeProgress({ ...base, findings: [{ ...finding, severity: '不能', decision: '' }] })
    expect(barred).toMatchObject({ status: '已停止', current: null, stopped: { stage: '负面清单' } })
    const pending = computeProgress({ ...base, findings: [{ ...finding, severity: '不宜', decision: '' }] })
    expect(pending.current).toBe('资格初审')
    const r = { stage: '资格初审' as const, level: '', result: '通过' as const, decidedOn: '2026-03-03', publicityEnd: null }
    expect(stageRefusal(pending, r)).toContain('研究决定前不能通过')
    expect(stageRefusal(pending, { ...r, result: '不通过' })).toBeNull()
    const allowed = computeProgress({ ...base, findings: [{ ...finding, severity: '不宜', decision: '准予继续' }] })
    expect(stageRefusal(allowed, r)).toBeNull()
  })

  it('a 不通过 needs a reason', () => {
    const parsed = stageInput.safeParse({ candidateId: 1, stage: '考察', result: '不通过', decidedOn: '2026-03-03', decider: '考察组' })
    expect(parsed.success).toBe(false)
  })
})

describe('villageRuleChecks', () => {
  const c = (personId: number, post: string, sex: '男' | '女' = '男', villageId = 1): RuleCandidate => ({
    personId,
    villageId,
    ...seatsOf(post),
    sex,
    status: '进行中'
  })
  const village: { id: number; partySeats: number | null; committeeSeats: number | null } = { id: 1, partySeats: 5, committeeSeats: 3 }
  const check = (cands: RuleCandidate[], key: string, v = village) => villageRuleChecks(v, cands, RULES).find((x) => x.key === key)!

  it('needs Party committee candidates at least 20% above seats', () => {
    const five = [1, 2, 3, 4, 5].map((i) => c(i, '党组织委员'))
    expect(check(five, 'partyMargin').ok).toBe(false)
    expect(check([...five, c(6, '一肩挑')], 'partyMargin')).toMatchObject({ ok: true, message: expect.stringContaining('至少 6 人') })
    expect(check([1, 2, 3].map((i) => c(i, '党组织委员')), 'partyMargin', { ...village, partySeats: 3 }).ok).toBe(false) // 3.6 → 4
    expect(check([], 'partyMargin', { ...village, partySeats: null }).ok).toBeNull()
  })

  it('needs more committee candidates than seats, and a stopped candidate does not count', () => {
    const three = [c(1, '村委会主任'), c(2, '村委会委员'), c(3, '村委会委员', '女')]
    expect(check(three, 'committeeMargin').ok).toBe(false)
    expect(check([...three, c(4, '党组织委员、村委会委员')], 'committeeMargin').ok).toBe(true)
    expect(check([...three, { ...c(4, '村委会委员'), status: '已停止' }], 'committeeMargin').ok).toBe(false)
  })

  it('needs a woman among the committee candidates', () => {
    expect(check([c(1, '村委会主任'), c(2, '党组织委员', '女')], 'women').ok).toBe(false)
    expect(check([c(1, '村委会主任'), c(2, '村委会委员', '女')], 'women').ok).toBe(true)
  })

  it('checks 一肩挑 against the target and one person in one village', () => {
    expect(check([c(1, '村委会主任')], 'oneShoulder').ok).toBe(false)
    expect(villageRuleChecks(village, [c(1, '村委会主任')], { ...RULES, oneShoulderTarget: 80 }).find((x) => x.key === 'oneShoulder')!.ok).toBeNull()
    expect(check([c(1, '一肩挑')], 'oneShoulder').ok).toBe(true)
    expect(check([c(1, '村委会主任'), c(1, '党组织委员', '男', 2)], 'oneVillage').ok).toBe(false)
  })
})
