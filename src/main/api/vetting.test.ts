import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkCharacter } from '../../shared/idcard'
import type { Result } from '../../shared/result'
import { buildApi } from '.'
import { Store } from '../core/store'

/** The API exactly as the renderer calls it, over a fresh register: rules must hold here, not only in the UI. */
let store: Store
let api: ReturnType<typeof buildApi>

const id18 = (first17: string) => first17 + checkCharacter(first17)
const MAN = id18('33030219800501001')
const WOMAN = id18('33030219850612002')

async function value<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(`expected success, got ${r.error.message}`)
  return r.value
}
async function refusal<T>(p: Promise<Result<T>>): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  const r = await p
  if (r.ok) throw new Error('expected a refusal')
  return r.error
}

async function village(name: string, partySeats = 3, committeeSeats = 3) {
  return value(api.villages.create({ name, kind: '村', partySeats, committeeSeats }))
}
async function person(name: string, idNumber: string | null, extra: Record<string, unknown> = {}) {
  return (await value(api.persons.create({ person: { name, idNumber }, profile: { politicalStatus: '中共党员' }, ...extra }))).person
}
type Post = Parameters<typeof api.candidates.propose>[0]['post']
const proposal = (personId: number, villageId: number, post: Post = '党组织委员', incumbent = false) =>
  api.candidates.propose({ personId, villageId, post, incumbent, source: '党员推荐', proposedOn: '2026-03-01' })
const propose = (personId: number, villageId: number, post: Post = '党组织委员', incumbent = false) =>
  value(proposal(personId, villageId, post, incumbent))
const stage = (candidateId: number, stage: string, decidedOn: string, extra: Record<string, unknown> = {}) =>
  api.vetting.recordStage({ candidateId, stage: stage as '考察', result: '通过', decidedOn, decider: '乡镇党委', ...extra })

async function passReview(candidateId: number) {
  await value(api.review.send({ candidateId, sentOn: '2026-03-05' }))
  const { reviewDepartments } = await value(api.vetting.settings())
  for (const department of reviewDepartments) {
    await value(api.review.record({ candidateId, department, verdict: '通过', decidedOn: '2026-03-06' }))
  }
}

beforeEach(() => {
  store = Store.memoryStore({ actor: '测试员' })
  api = buildApi(store)
})
afterEach(() => store.close())

describe('persons', () => {
  it('fills birth date and sex from the ID and refuses a form that disagrees, field by field', async () => {
    const created = await value(
      api.persons.create({
        person: { name: '张建国', idNumber: MAN.toLowerCase() },
        resume: [{ start: '1998.09', end: '2002.07', text: '某某大学学生' }],
        family: [{ relation: '妻子', name: '李梅', birthYearMonth: '1982.03', politicalStatus: '群众', workUnit: '务农' }],
        tags: ['退役军人', '退役军人', '致富带头人']
      })
    )
    expect(created.person).toMatchObject({ birthDate: '1980-05-01', sex: '男' })
    expect(created.tags).toEqual(['退役军人', '致富带头人'])
    expect(created.resume).toHaveLength(1)
    const bad = await refusal(api.persons.create({ person: { name: '王芳', idNumber: WOMAN, sex: '男', birthDate: '1985-06-13' } }))
    expect(Object.keys(bad.fields!)).toEqual(['sex', 'birthDate'])
    const old = await refusal(api.persons.create({ person: { name: '老号', idNumber: '330302800501001' } }))
    expect(old.message).toContain('15位旧身份证号')
    const resume = await refusal(api.persons.create({ person: { name: '赵', idNumber: null }, resume: [{ start: '2002.07', end: '1998.09', text: 'x' }] }))
    expect(resume.fields).toHaveProperty(['resume.0.end'])
  })

  it('masks ID numbers in the list and shows them on the person page; stores a photo checked by its bytes', async () => {
    const p = await person('张建国', MAN)
    const list = await value(api.persons.list({ search: 'zjg' }))
    expect(list.map((x) => x.idNumber)).toEqual(['330302********1018'.slice(0, 14) + MAN.slice(14)])
    expect((await value(api.persons.get({ id: p.id }))).person.idNumber).toBe(MAN)
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64')
    expect(await value(api.persons.setPhoto({ id: p.id, base64: png }))).toEqual({ mime: 'image/png', bytes: 11 })
    expect((await refusal(api.persons.setPhoto({ id: p.id, base64: Buffer.from('GIF89a').toString('base64') }))).message).toContain('JPEG 或 PNG')
    expect((await refusal(api.persons.setPhoto({ id: p.id, base64: Buffer.alloc(1024 * 1024 + 1, 0xff).toString('base64') }))).message).toContain('不能超过')
    expect((await value(api.persons.photo({ id: p.id })))!.base64).toBe(png)
  })
})

describe('candidates', () => {
  it('refuses to propose one person to two villages', async () => {
    const [a, b] = [await village('龙山村'), await village('凤岭村')]
    const p = await person('张建国', MAN)
    await propose(p.id, a.id)
    const e = await refusal(proposal(p.id, b.id, '村委会主任'))
    expect(e.message).toContain('已被提名为龙山村')
  })

  it('refuses Party posts for a person registered as not a Party member', async () => {
    const v = await village('龙山村')
    const p = (await value(api.persons.create({ person: { name: '王芳', idNumber: WOMAN }, profile: { politicalStatus: '群众' } }))).person
    expect((await refusal(proposal(p.id, v.id, '一肩挑'))).message).toContain('须为中共党员')
    expect((await value(api.candidates.propose({ personId: p.id, villageId: v.id, post: '村委会委员', source: '群众推荐', proposedOn: '2026-03-01' }))).post).toBe('村委会委员')
  })

  it('refuses stages out of order through the API and stops a candidate on a 联审 不通过 with the reason', async () => {
    const v = await village('龙山村')
    const c = await propose((await person('张建国', MAN)).id, v.id)
    expect((await refusal(stage(c.id, '考察', '2026-03-10'))).message).toBe('须先完成“资格初审”环节，才能记录“考察”')
    await value(stage(c.id, '资格初审', '2026-03-04'))
    expect((await refusal(stage(c.id, '资格初审', '2026-03-04'))).message).toContain('已有记录')
    expect((await refusal(api.review.record({ candidateId: c.id, department: '公安', verdict: '通过', decidedOn: '2026-03-06' }))).message).toContain('尚未送')
    await value(api.review.send({ candidateId: c.id, sentOn: '2026-03-05' }))
    const board = await value(api.review.board({ villageId: null }))
    expect(board.pendingByVillage).toEqual([{ villageId: v.id, villageName: '龙山村', pending: 16, oldestDays: expect.any(Number) }])
    const after = await value(api.review.record({ candidateId: c.id, department: '公安', verdict: '不通过', reason: '有寻衅滋事行政处罚记录', decidedOn: '2026-03-06' }))
    expect(after.progress).toMatchObject({ status: '已停止', stopped: { stage: '县级联审', reason: '公安：有寻衅滋事行政处罚记录' } })
    expect((await refusal(stage(c.id, '考察', '2026-03-10'))).message).toContain('已在“县级联审”停止')
    expect((await value(api.review.board({ villageId: v.id }))).pendingByVillage[0].pending).toBe(0)
    expect((await refusal(stage(c.id, '资格初审', '2099-01-01'))).message).toContain('晚于今天')
    expect((await refusal(api.candidates.withdraw({ id: c.id }))).code).toBe('in_use')
  })

  it('takes a second person through every stage to 正式候选人, and records each step in the audit log', async () => {
    const v = await village('龙山村')
    const c = await propose((await person('李红', WOMAN)).id, v.id, '村委会委员')
    await value(stage(c.id, '资格初审', '2026-03-04'))
    await passReview(c.id)
    await value(stage(c.id, '考察', '2026-03-08', { note: '考察报告：群众基础好' }))
    expect((await refusal(stage(c.id, '会审', '2026-03-09', { level: '县委常委会' }))).message).toContain('须先完成“乡镇党委会”会审')
    for (const level of ['乡镇党委会', '县委组织部部务会', '县委常委会']) await value(stage(c.id, '会审', '2026-03-09', { level, docNo: '龙委〔2026〕3号' }))
    const early = await refusal(stage(c.id, '公示', '2026-03-13', { publicityStart: '2026-03-09' }))
    expect(early.message).toBe('公示期至 2026-03-13 止，期满后才能确定公示结果')
    await value(stage(c.id, '公示', '2026-03-16', { publicityStart: '2026-03-09', objections: '无' }))
    const done = await value(stage(c.id, '确定为正式候选人', '2026-03-16'))
    expect(done).toMatchObject({ pool: '正式候选人', progress: { status: '正式候选人', current: '选举' } })

    const dossier = await value(api.candidates.dossier({ id: c.id }))
    expect(dossier.candidate.idNumber).toBe(WOMAN)
    expect(dossier.review).toHaveLength(16)
    expect(dossier.stages.map((s) => s.stage)).toEqual(['资格初审', '考察', '会审', '会审', '会审', '公示', '确定为正式候选人'])
    expect(dossier.stages.find((s) => s.stage === '公示')!.publicityEnd).toBe('2026-03-13')
    expect(dossier.proposedPost).toBe('龙山村村(居)委会委员')

    const log = await value(api.audit.list({ limit: 1000 }))
    expect(log.filter((e) => e.entity === 'candidate_stage')).toHaveLength(7)
    expect(log.filter((e) => e.entity === 'review_verdict')).toHaveLength(16)
    expect(log.every((e) => e.actor === '测试员')).toBe(true)

    const undone = await value(api.vetting.undoStage({ candidateId: c.id }))
    expect(undone).toMatchObject({ pool: '初步人选', progress: { current: '确定为正式候选人' } })
  })

  it('bars an incumbent whose 不满意率 is above the threshold, following the setting', async () => {
    const v = await village('龙山村')
    const c = await propose((await person('张建国', MAN)).id, v.id, '党组织书记', true)
    const votes = { candidateId: c.id, heldOn: '2026-03-02', partyBallots: 40, partyTrust: 30, repBallots: 20, repTrust: 15, satisfied: 50, basicallySatisfied: 15, unsatisfied: 35 }
    const r = await value(api.evaluations.record(votes))
    expect(r.score.unsatisfiedRate).toBe(35)
    expect(r.score.combined).toBeCloseTo((3 * 75 + 5 * 75 + 2 * 65) / 10, 10)
    expect(r.candidate.progress.stopped!.reason).toContain('现任干部不能再作为候选人')
    await value(api.vetting.saveSetting({ key: 'unsatisfiedThreshold', value: 40 }))
    expect((await value(api.candidates.get({ id: c.id }))).progress.current).toBe('资格初审')
    expect((await refusal(api.vetting.saveSetting({ key: 'unsatisfiedThreshold', value: 140 }))).message).toContain('0–100')
    const seven = ['纪委监委', '组织部', '政法委', '公安', '法院', '检察院', '信访局']
    expect((await refusal(api.vetting.saveSetting({ key: 'reviewDepartments', value: seven }))).message).toContain('联审部门至少8个')
    const fresh = await propose((await person('李红', WOMAN)).id, v.id)
    expect((await refusal(api.evaluations.record({ ...votes, candidateId: fresh.id }))).message).toContain('无需测评')
  })

  it('blocks on a 不能 finding and masks findings in lists but not on the person page', async () => {
    const v = await village('龙山村')
    const p = await person('张建国', MAN)
    const c = await propose(p.id, v.id)
    const f = await value(api.negatives.add({ personId: p.id, itemCode: '不宜2', department: '公安', evidence: '2023年行政拘留决定书', foundOn: '2026-03-03' }))
    expect((await refusal(stage(c.id, '资格初审', '2026-03-04'))).message).toContain('研究决定前不能通过')
    await value(api.negatives.decide({ id: f.id, decision: '准予继续', decidedBy: '乡镇党委会', decidedOn: '2026-03-04' }))
    await value(stage(c.id, '资格初审', '2026-03-04'))
    await value(api.negatives.add({ personId: p.id, itemCode: '不能1', department: '法院', evidence: '刑事判决书', foundOn: '2026-03-05' }))
    const [listed] = await value(api.candidates.list({ status: '已停止' }))
    expect(listed.progress.stopped).toEqual({ stage: '负面清单', reason: '负面清单情形（详见个人页）' })
    expect(JSON.stringify(listed)).not.toContain('刑事')
    const page = await value(api.persons.get({ id: p.id }))
    expect(page.candidacy!.progress.stopped!.reason).toContain('受过刑事处罚')
    expect(page.findings).toHaveLength(2)
    expect((await refusal(api.negatives.add({ personId: p.id, itemCode: '不存在', department: '法院', evidence: 'x', foundOn: '2026-03-05' }))).fields).toHaveProperty('itemCode')
  })

  it('shows the village rules and filters the township pool', async () => {
    const v = await village('龙山村', 1, 3)
    const men = [id18('33030219700101001'), id18('33030219710101003'), id18('33030219720101005')]
    for (const [i, idn] of men.entries()) await propose((await person(`男${i}`, idn)).id, v.id, '村委会委员')
    const checks = await value(api.candidates.villageChecks({ villageId: v.id }))
    expect(Object.fromEntries(checks.map((c) => [c.key, c.ok]))).toEqual({ partyMargin: false, committeeMargin: false, women: false, oneShoulder: false, oneVillage: true })
    await propose((await person('李红', WOMAN)).id, v.id, '一肩挑')
    const again = await value(api.candidates.villageChecks({ villageId: v.id }))
    expect(again.filter((c) => !c.ok).map((c) => c.key)).toEqual(['partyMargin'])
    expect(await value(api.candidates.list({ post: '一肩挑' }))).toHaveLength(1)
    expect(await value(api.candidates.list({ stage: '资格初审' }))).toHaveLength(4)
    expect(await value(api.candidates.list({ search: 'lh' }))).toHaveLength(1)
    const town = await value(api.candidates.townshipChecks())
    expect(town).toMatchObject({ villages: 1, oneShoulderShare: 100, failing: { partyMargin: ['龙山村'] } })
  })
})
