import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkCharacter } from '../../shared/idcard'
import type { Result } from '../../shared/result'
import { seatsOf } from '../../shared/seats'
import { buildApi } from '../api'
import { fixedClock } from './clock'
import { Store } from './store'
import { useTempDir } from './test-support'

/** Vetting by the batch over a real register file, through the API the renderer calls. */
const tempDir = useTempDir()
let store: Store
let api: ReturnType<typeof buildApi>

async function value<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(`expected success, got ${r.error.message}`)
  return r.value
}
async function refusal<T>(p: Promise<Result<T>>) {
  const r = await p
  if (r.ok) throw new Error('expected a refusal')
  return r.error
}
const auditRows = () => store.value<number>('SELECT count(*) FROM audit_log') ?? 0
const verdictRows = (department: string) =>
  store.all<{ candidateId: number; verdict: string; reason: string; decidedOn: string | null }>(
    'SELECT candidate_id AS candidateId, verdict, reason, decided_on AS decidedOn FROM review_verdicts WHERE department = ? ORDER BY candidate_id',
    department
  )

/** `n` candidates over three villages, each proposed on 03-01 and through 资格初审 on `firstDate`. */
async function seed(n: number, firstDate = '2026-03-02'): Promise<number[]> {
  const villages = []
  for (const name of ['东村', '西村', '南村']) villages.push(await value(api.villages.create({ name, kind: '村', partySeats: 5, committeeSeats: 5 })))
  const ids: number[] = []
  for (let i = 0; i < n; i++) {
    const first17 = `330302198${String(i % 10)}0${1 + (i % 9)}1${String(i).padStart(2, '0')}`.slice(0, 14) + String(100 + i).slice(-3)
    const person = await value(api.persons.create({ person: { name: `人选${i}`, idNumber: first17 + checkCharacter(first17) }, profile: { politicalStatus: '中共党员' } }))
    const c = await value(
      api.candidates.propose({ personId: person.person.id, villageId: villages[i % 3].id, ...seatsOf('党组织委员'), incumbent: false, source: '党员推荐', proposedOn: '2026-03-01' })
    )
    ids.push(c.id)
  }
  await value(api.vetting.recordStages({ candidateIds: ids, stage: '资格初审', result: '通过', decidedOn: firstDate, decider: '乡镇党委' }))
  return ids
}

beforeEach(() => {
  store = Store.fileStore(path.join(tempDir(), 'register.db'), { actor: '测试员' })
  api = buildApi(store, undefined, fixedClock('2026-03-20'))
})
afterEach(() => store.close())

describe('vetting by the batch', () => {
  it('records one step with one date for every selected candidate, each with its audit row', async () => {
    const before = auditRows()
    const ids = await seed(12)
    const stages = store.all<{ n: number; d: string }>("SELECT count(*) AS n, decided_on AS d FROM candidate_stages WHERE stage = '资格初审' GROUP BY decided_on")
    expect(stages).toEqual([{ n: 12, d: '2026-03-02' }])
    expect(store.value<number>("SELECT count(*) FROM audit_log WHERE entity = 'candidate_stage'")).toBe(12)
    expect(auditRows()).toBeGreaterThan(before)
    const sent = await value(api.review.sendMany({ candidateIds: ids, sentOn: '2026-03-05' }))
    expect(sent.every((c) => c.progress.current === '县级联审')).toBe(true)
    const { reviewDepartments } = await value(api.vetting.settings())
    expect(store.value<number>("SELECT count(*) FROM review_verdicts WHERE verdict = '待反馈' AND sent_on = '2026-03-05'")).toBe(12 * reviewDepartments.length)
  })

  it('changes nothing when some candidates cannot take the step, and names each with the reason', async () => {
    const ids = await seed(6)
    // One candidate already sent: sending the batch again must refuse it and leave the other five unsent.
    await value(api.review.send({ candidateId: ids[2], sentOn: '2026-03-04' }))
    const audits = auditRows()
    const verdicts = store.value<number>('SELECT count(*) FROM review_verdicts')
    const error = await refusal(api.review.sendMany({ candidateIds: ids, sentOn: '2026-03-05' }))
    expect(error.message).toContain('所选 6 名人选中有 1 名不能送县级联审，本次全部未保存')
    expect(error.message).toMatch(/人选2：该人选已送各联审部门/)
    expect(store.value<number>('SELECT count(*) FROM review_verdicts')).toBe(verdicts)
    expect(auditRows()).toBe(audits)
  })

  it('refuses a batch date before the step a candidate is at, or after today, naming the candidate', async () => {
    const ids = await seed(3)
    const early = await refusal(api.review.sendMany({ candidateIds: ids, sentOn: '2026-03-01' }))
    expect(early.message.split('\n')).toHaveLength(4)
    expect(early.message).toContain('送审日期早于上一环节的日期 2026-03-02')
    const future = await refusal(api.review.sendMany({ candidateIds: ids, sentOn: '2026-03-21' }))
    expect(future.message).toContain('晚于今天')
    expect(store.value<number>('SELECT count(*) FROM review_verdicts')).toBe(0)
  })

  it('saves a department’s reply as one sheet: 通过 by default, the exceptions 不通过 with their reasons, one date', async () => {
    const ids = await seed(9)
    await value(api.review.sendMany({ candidateIds: ids, sentOn: '2026-03-05' }))
    const sheet = await value(api.review.sheet({ department: '公安' }))
    expect(sheet.rows.map((r) => r.candidateId).sort((a, b) => a - b)).toEqual(ids)
    expect(sheet.latestSentOn).toBe('2026-03-05')
    const rows = sheet.rows.map((r) => ({ candidateId: r.candidateId, verdict: r.candidateId === ids[4] ? ('不通过' as const) : ('通过' as const), reason: r.candidateId === ids[4] ? '有违法记录' : '' }))
    await value(api.review.recordSheet({ department: '公安', decidedOn: '2026-03-08', rows }))
    const saved = verdictRows('公安')
    expect(saved.filter((v) => v.verdict === '不通过')).toEqual([{ candidateId: ids[4], verdict: '不通过', reason: '有违法记录', decidedOn: '2026-03-08' }])
    expect(saved.filter((v) => v.verdict === '通过')).toHaveLength(8)
    expect(saved.every((v) => v.decidedOn === '2026-03-08')).toBe(true)
    expect(verdictRows('法院').every((v) => v.verdict === '待反馈')).toBe(true)
  })

  it('refuses a sheet with a 不通过 without a reason, or a date before 送审, and saves none of it', async () => {
    const ids = await seed(3)
    await value(api.review.sendMany({ candidateIds: ids, sentOn: '2026-03-05' }))
    const noReason = await refusal(api.review.recordSheet({ department: '公安', decidedOn: '2026-03-08', rows: ids.map((candidateId) => ({ candidateId, verdict: '不通过' as const })) }))
    expect(noReason.message).toContain('不通过时请写明理由')
    const early = await refusal(api.review.recordSheet({ department: '公安', decidedOn: '2026-03-04', rows: ids.map((candidateId) => ({ candidateId, verdict: '通过' as const })) }))
    expect(early.message).toContain('反馈日期早于送审日期 2026-03-05')
    expect(verdictRows('公安').every((v) => v.verdict === '待反馈')).toBe(true)
  })
})
