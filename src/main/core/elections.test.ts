import { beforeEach, describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../tests/fixtures/ids'
import { committeeResult, ID } from '../../../tests/fixtures/election-results'
import { buildApi } from '../api'
import { electionInput, type ElectionInput } from '../../shared/election'
import { villageInput } from '../../shared/village'
import { personRecordInput } from '../../shared/cadre'
import { candidateInput } from '../../shared/candidate'
import { ElectionService } from './elections'
import { MemberService } from './members'
import { Store } from './store'
import { testServices } from './test-support'

let store: Store
let elections: ElectionService
let members: MemberService
let villageId: number

const [ZHANG, LI, WANG, ZHAO] = [ID.张伟, ID.李娜, ID.王强, ID.赵刚]
const committee = (over: Partial<ElectionInput> = {}): ElectionInput => committeeResult(villageId, over)

beforeEach(() => {
  store = Store.memoryStore({ actor: '测试' })
  elections = testServices(store).elections
  members = testServices(store).members
  villageId = testServices(store).villages.create(villageInput.parse({ name: '东山村', kind: '村', committeeElectionDate: '2026-03-01', committeeSeats: 3 })).id
})

describe('recording results', () => {
  it('decides, explains and feeds the new committee members', () => {
    const e = elections.create(electionInput.parse(committee()))
    expect(e.decision.valid).toBe(true)
    expect(e.decision.validity).toBe('登记选民1000人，参加投票600人，超过半数（至少需501人），选举有效')
    const committeeRace = e.decision.races[1]
    expect(committeeRace.candidates.map((c) => [c.name, c.status])).toEqual([
      ['李娜', '当选'],
      ['赵刚', '未当选'],
      ['王强', '未当选']
    ])
    expect(committeeRace.candidates[1].reason).toBe('得票300，恰为参加投票人数600的半数（至少需301票），未当选')
    expect(members.roster({ term: '本届' }).map((m) => [m.name, m.post, m.age])).toEqual([
      ['张伟', '主任', 45],
      ['李娜', '委员', 31]
    ])
    const report = elections.villageReport(villageId)
    expect(report.bodies.find((b) => b.body === '村委会')!.flags).toEqual(['应选3名，已选出2名，尚缺1名，应另行选举'])
  })

  it('fills the open seat by 另行选举 at one third, and keeps attributes entered meanwhile', () => {
    elections.create(electionInput.parse(committee()))
    const zhang = members.roster({ term: '本届' }).find((m) => m.name === '张伟')!
    members.updateAttributes(zhang.id, { politicalStatus: '中共党员', education: '本科', fulltimeEducation: '本科' })
    const runoff = elections.create(
      electionInput.parse({
        ...committee(),
        round: '另行选举',
        issued: 560,
        returned: 552,
        valid: 550,
        invalid: 2,
        races: [{ post: '委员', seats: 1, candidates: [{ name: '赵刚', idNumber: ZHAO, votes: 184 }, { name: '王强', idNumber: WANG, votes: 170 }] }]
      })
    )
    expect(runoff.decision.races[0].candidates[0]).toMatchObject({ status: '当选' })
    expect(runoff.decision.races[0].minVotes).toBe(184)
    const report = elections.villageReport(villageId).bodies.find((b) => b.body === '村委会')!
    expect(report.elected.map((m) => m.name)).toEqual(['张伟', '李娜', '赵刚'])
    expect(report.flags).toEqual([])
    // Saving the first election again must not lose what was entered for its members.
    const first = elections.list(villageId)[0]
    elections.update(first.id, electionInput.parse(committee({ note: '复核' })))
    expect(members.roster({ term: '本届' }).find((m) => m.name === '张伟')).toMatchObject({ politicalStatus: '中共党员', education: '本科' })
  })

  it('flags a committee without a woman', () => {
    const noWoman = committee()
    noWoman.races = [noWoman.races[0]]
    elections.create(electionInput.parse(noWoman))
    const flags = elections.villageReport(villageId).bodies.find((b) => b.body === '村委会')!.flags
    expect(flags).toContain('村(居)委会成员中没有妇女成员，不符合“应当有妇女成员”的规定，须通过另行选举等方式补足')
  })

  it('elects nobody when turnout is exactly half, and removes the members when results are corrected', () => {
    const e = elections.create(electionInput.parse(committee()))
    expect(members.roster()).toHaveLength(2)
    const invalid = elections.update(e.id, electionInput.parse(committee({ registered: 1200 })))
    expect(invalid.decision.valid).toBe(false)
    expect(members.roster()).toHaveLength(0)
    expect(elections.villageReport(villageId).bodies.find((b) => b.body === '村委会')!.flags[0]).toContain('恰为半数')
  })

  it('removes an election and the members it produced', () => {
    const e = elections.create(electionInput.parse(committee()))
    elections.remove(e.id)
    expect(members.roster()).toHaveLength(0)
    expect(elections.list()).toHaveLength(0)
  })

  it('identifies an elected write-in by ID number, and refuses one without', () => {
    const qian = makeIdNumber('1979-09-09', '女', 6)
    const writeIn = (idNumber: string | null) =>
      committee({ races: [{ post: '主任', seats: 1, candidates: [{ name: '钱多', idNumber, votes: 400, writeIn: true, sex: '女' }] }] })
    expect(() => elections.create(electionInput.parse(writeIn(null)))).toThrow('另选人“钱多”当选，须填写其身份证号')
    const e = elections.create(electionInput.parse(writeIn(qian)))
    expect(e.races[0].candidates[0].personId).not.toBeNull()
    expect(members.roster()).toMatchObject([{ name: '钱多', sex: '女', idNumber: qian }])
  })
})

describe('results tied to the village’s candidates', () => {
  const person = (name: string, idNumber: string, politicalStatus: '中共党员' | '群众') =>
    testServices(store).personRecords.create(personRecordInput.parse({ person: { name, idNumber, villageId }, profile: { politicalStatus } })).person.id
  const propose = (personId: number, committeePost: '主任' | '委员') =>
    testServices(store).candidates.propose(candidateInput.parse({ personId, villageId, committeePost, source: '群众推荐', proposedOn: '2026-01-05' })).id
  const formal = (candidateId: number) =>
    store.db
      .prepare(
        `INSERT INTO candidate_stages (candidate_id, stage, result, decided_on, decider, created_at) VALUES (?, '确定为正式候选人', '通过', '2026-02-20', '村选举委员会', '2026-02-20T00:00:00Z')`
      )
      .run(candidateId)
  const ballot = (...names: [string, string | null, boolean?][]) =>
    committee({ races: [{ post: '主任', seats: 1, candidates: names.map(([name, idNumber, writeIn], i) => ({ name, idNumber, votes: 400 - i * 100, writeIn: !!writeIn })) }] })

  it('refuses a 人选 not yet past 公示, and a name that is no formal candidate unless marked 另选他人', () => {
    const zhang = person('张伟', ZHANG, '中共党员')
    const li = person('李娜', LI, '群众')
    formal(propose(zhang, '主任'))
    propose(li, '委员')
    expect(() => elections.create(electionInput.parse(ballot(['李娜', null])))).toThrow('“李娜”尚未确定为正式候选人（目前为初步人选）')
    expect(() => elections.create(electionInput.parse(ballot(['赵刚', null])))).toThrow('“赵刚”不是本村村委会正式候选人')
    expect(elections.list()).toHaveLength(0)
    expect(elections.ballot(villageId, '村委会').map((c) => [c.name, c.formal])).toEqual([['张伟', true], ['李娜', false]])
  })

  it('links the chosen candidate to their person, so the party status counts in the statistics', () => {
    const zhang = person('张伟', ZHANG, '中共党员')
    formal(propose(zhang, '主任'))
    const e = elections.create(electionInput.parse(ballot(['张伟', null])))
    expect(e.races[0].candidates[0].personId).toBe(zhang)
    expect(members.roster()).toMatchObject([{ name: '张伟', politicalStatus: '中共党员' }])
    expect(store.db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(1)
  })

  it('never creates a second person of the same name in the village without an ID', () => {
    person('周建国', makeIdNumber('1970-01-01', '男', 7), '群众')
    expect(() => elections.create(electionInput.parse(ballot(['周建国', null])))).toThrow('本村已有“周建国”')
    expect(store.db.prepare(`SELECT count(*) FROM persons WHERE name = '周建国'`).pluck().get()).toBe(1)
  })
})

describe('through the API', () => {
  it('records ballots returned above ballots issued as a void election, not a refusal', async () => {
    const r = await buildApi(store).elections.create(committee({ issued: 590 }))
    expect(r).toMatchObject({ ok: true, value: { returned: 600, issued: 590, decision: { valid: false, validity: '收回选票600张，多于发出选票590张，选举无效' } } })
    expect(elections.list()).toHaveLength(1)
    expect(members.roster()).toHaveLength(0)
  })

  it('records 委托投票 and 流动票箱投票 of a villagers’ committee vote, refuses them above those who voted, on the field', async () => {
    const api = buildApi(store)
    const over = await api.elections.create(committee({ proxyVotes: 601 }))
    expect(!over.ok && over.error.fields?.proxyVotes).toBe('委托投票人数（601）不能多于参加投票人数（即收回选票，600）')
    const sum = await api.elections.create(committee({ proxyVotes: 300, mobileVotes: 301 }))
    expect(!sum.ok && sum.error.fields?.mobileVotes).toBe('委托投票（300）与流动票箱投票（301）之和不能多于参加投票人数（即收回选票，600）')
    expect(elections.list()).toHaveLength(0)
    const saved = elections.create(electionInput.parse(committee({ proxyVotes: 25, mobileVotes: 40 })))
    expect([saved.proxyVotes, saved.mobileVotes]).toEqual([25, 40])
    const cleared = elections.update(saved.id, electionInput.parse({ ...committee(), proxyVotes: null }))
    expect([cleared.proxyVotes, cleared.mobileVotes]).toEqual([null, null])
    // A Party vote has no proxies or mobile boxes in this register: counts sent for one are not kept.
    const party = elections.create(
      electionInput.parse({ ...committee({ body: '党组织', registered: 30, present: 28, issued: 28, returned: 28, valid: 28, invalid: 0, mobileVotes: 3 }), races: [{ post: '书记', seats: 1, candidates: [{ name: '张伟', idNumber: ZHANG, votes: 26 }] }] })
    )
    expect(party.mobileVotes).toBeNull()
    expect(store.value('SELECT updated_at FROM elections WHERE id = ?', cleared.id)).toBe('2026-12-01T09:00:00+08:00')
  })

  it('refuses a candidate whose ID does not check out', async () => {
    const bad = committee()
    bad.races[0].candidates[0].idNumber = ZHANG.slice(0, 17) + (ZHANG[17] === '1' ? '2' : '1')
    const r = await buildApi(store).elections.create(bad)
    expect(!r.ok && r.error.fields?.['races.0.candidates.0.idNumber']).toContain('校验位错误')
  })

  it('computes the township structure from the results and the outgoing roster', async () => {
    const api = buildApi(store)
    await api.elections.create(committee())
    await api.elections.create({
      ...committee(),
      body: '党组织',
      registered: 40,
      present: 36,
      issued: 36,
      returned: 36,
      valid: 36,
      invalid: 0,
      races: [{ post: '书记', seats: 1, candidates: [{ name: '张伟', idNumber: ZHANG, votes: 30 }] }, { post: '委员', seats: 1, candidates: [{ name: '李娜', idNumber: LI, votes: 25 }] }]
    })
    for (const [name, post, birth, sex, n] of [
      ['老周', '书记', '1960-01-01', '男', 7],
      ['老吴', '主任', '1962-01-01', '男', 8]
    ] as const) {
      const r = await api.members.create({ villageId, term: '上届', body: post === '书记' ? '党组织' : '村委会', post, name, idNumber: makeIdNumber(birth, sex, n), electedOn: '2021-03-01' })
      expect(r.ok).toBe(true)
    }
    const s = testServices(store).statistics.structure()
    expect(s.township.incoming).toMatchObject({ members: 2, oneShoulder: { count: 1, of: 1 }, cross: { count: 1, of: 2 }, women: { count: 1, of: 2 }, averageAge: 38 })
    expect(s.township.outgoing).toMatchObject({ members: 2, oneShoulder: { count: 0, of: 1 }, averageAge: 60 })
    expect(s.township.trend.find((t) => t.label === '“一肩挑”比例')).toMatchObject({ met: true })
    expect(s.villages.map((v) => v.villageName)).toEqual(['东山村'])
  })
})
