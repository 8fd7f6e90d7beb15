import { beforeEach, describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../tests/fixtures/ids'
import { registerVoters } from '../../../tests/fixtures/voters'
import { committeeResult, ID, line, type Name } from '../../../tests/fixtures/election-results'
import { personRecordInput } from '../../shared/cadre'
import { electionInput, type ElectionInput } from '../../shared/election'
import { villageInput } from '../../shared/village'
import { voterInput } from '../../shared/voter'
import { buildApi } from '../api'
import type { ElectionService } from './elections'
import type { MemberService } from './members'
import { Store } from './store'
import { testServices } from './test-support'

let store: Store
let elections: ElectionService
let members: MemberService
let villageId: number

const committee = (over: Partial<ElectionInput> = {}) => committeeResult(villageId, over)
const party = (races: ElectionInput['races'], over: Partial<ElectionInput> = {}): ElectionInput => ({
  ...committee(),
  body: '党组织',
  heldOn: '2026-02-20',
  registered: 40,
  present: 36,
  issued: 36,
  returned: 36,
  valid: 36,
  invalid: 0,
  races,
  ...over
})
const save = (e: ElectionInput) => elections.create(electionInput.parse(e))
const refusal = (e: ElectionInput): string => {
  try {
    save(e)
  } catch (err) {
    return (err as Error).message
  }
  throw new Error('accepted')
}
const roster = () => members.roster({ term: '本届' }).map((m) => `${m.body}${m.post}${m.name}`)

beforeEach(() => {
  store = Store.memoryStore({ actor: '测试' })
  elections = testServices(store).elections
  members = testServices(store).members
  villageId = testServices(store).villages.create(
    villageInput.parse({ name: '东山村', kind: '村', committeeElectionDate: '2026-03-01', partyElectionDate: '2026-02-20', committeeSeats: 5, partySeats: 5 })
  ).id
})

describe('ballots returned above ballots issued', () => {
  it.each([
    // issued, returned: one below, exactly, one above
    [601, 600, true],
    [600, 600, true],
    [599, 600, false]
  ])('issued %i, returned %i: valid %s — a void election is stored and shown as such', (issued, _returned, valid) => {
    const e = save(committee({ issued }))
    expect(e.decision.valid).toBe(valid)
    expect(elections.require(e.id).returned).toBe(600)
    if (!valid) {
      expect(e.decision.validity).toBe(`收回选票600张，多于发出选票${issued}张，选举无效`)
      expect(e.decision.races.flatMap((r) => r.candidates.map((c) => c.status))).toEqual(Array(5).fill('选举无效'))
      expect(roster()).toEqual([])
      expect(elections.villageReport(villageId).bodies.find((b) => b.body === '村委会')!.flags[0]).toBe(`2026-03-01正式选举：收回选票600张，多于发出选票${issued}张，选举无效`)
    } else expect(roster()).toEqual(['村委会主任张伟', '村委会委员李娜'])
  })
})

describe('另选人 and 废票', () => {
  it('keeps a write-in who is not elected with the name and votes written, and one who is with the person', () => {
    const e = save(
      committee({
        races: [
          { post: '主任', seats: 1, candidates: [line('张伟', 420), { name: '钱多', votes: 35, writeIn: true }] },
          { post: '委员', seats: 2, candidates: [line('李娜', 330), { name: '孙丽', idNumber: ID.孙丽, votes: 320, writeIn: true }, line('赵刚', 100)] }
        ]
      })
    )
    const lines = e.races.flatMap((r) => r.candidates.map((c) => [c.name, c.votes, c.writeIn, c.personId !== null]))
    expect(lines).toEqual([
      ['张伟', 420, false, true],
      ['钱多', 35, true, false],
      ['李娜', 330, false, true],
      ['孙丽', 320, true, true],
      ['赵刚', 100, false, true]
    ])
    expect(roster()).toEqual(['村委会主任张伟', '村委会委员李娜', '村委会委员孙丽'])
  })

  it.each([
    // spoiled for 委员, votes the race may hold at most (590 − spoiled) × 2
    [0, 1180, true],
    [20, 1140, true],
    [20, 1141, false],
    [590, 0, true],
    [591, 0, false]
  ])('委员废票 %i with %i votes in all: accepted %s', (spoiled, total, ok) => {
    const votes = [Math.ceil(total / 2), Math.floor(total / 2)]
    const race = { post: '委员' as const, seats: 2, spoiled, candidates: [line('李娜', votes[0]), line('赵刚', votes[1])] }
    const e = committee({ races: [committee().races[0], race] })
    if (ok) expect(save(e).races[1].spoiled).toBe(spoiled)
    else expect(refusal(e)).toMatch(spoiled > 590 ? '“委员”废票（591）不能多于有效票（590）' : '超过有效票数减该职位废票 × 应选名额（570 × 2）')
  })
})

describe('the size of the committee', () => {
  const seats = (n: number, head = 1): ElectionInput['races'] => [
    { post: '主任', seats: head, candidates: [line('张伟', 420), line('王强', 100)] },
    { post: '委员', seats: n - head, candidates: [line('李娜', 330), line('赵刚', 320), line('孙丽', 310), line('周明', 305), line('吴芳', 301)] }
  ]
  it.each([
    [7, null, true],
    [8, null, false],
    [5, 5, true],
    [6, 5, false]
  ])('%i seats with 职数 %s: accepted %s', (n, size, ok) => {
    store.run('UPDATE villages SET committee_seats = ? WHERE id = ?', size, villageId)
    const e = committee({ races: seats(n) })
    if (ok) expect(save(e).races.reduce((s, r) => s + r.seats, 0)).toBe(n)
    else expect(refusal(e)).toBe(size === null ? `应选名额合计${n}名：村民委员会由主任、副主任和委员共三至七人组成` : `应选名额合计${n}名，超过本村村(居)委会职数${size}名`)
  })

  it('elects one 主任, and warns when fewer seats than the law or the 职数 are voted on', () => {
    expect(refusal(committee({ races: seats(5, 2) }))).toBe('主任只能选1名')
    const small = save(committee({ races: committee().races }))
    expect(small.warnings).toContain('正式选举应选名额合计3名，少于本村村(居)委会职数5名')
  })
})

describe('nobody elected twice', () => {
  it('gives one person elected to two posts the higher, and the lower seat to the next', () => {
    const e = save(committee({ races: [committee().races[0], { post: '委员', seats: 2, candidates: [line('张伟', 500), line('李娜', 330), line('赵刚', 310)] }] }))
    expect(e.decision.races[1].candidates.map((c) => [c.name, c.status])).toEqual([
      ['张伟', '未当选'],
      ['李娜', '当选'],
      ['赵刚', '当选']
    ])
    expect(e.decision.races[1].candidates[0].reason).toBe('得票500，但已当选为主任，一人不能当选两个职位，此职位不计其当选')
    expect(roster()).toEqual(['村委会主任张伟', '村委会委员李娜', '村委会委员赵刚'])
  })

  it('lets an 另行选举 fill no more than the open seats, among the unelected only', () => {
    store.run('UPDATE villages SET committee_seats = 3 WHERE id = ?', villageId)
    save(committee())
    const runoff = (seats: number, names: Name[]) =>
      committee({ round: '另行选举', issued: 560, returned: 552, valid: 550, invalid: 2, races: [{ post: '委员', seats, candidates: names.map((n, i) => line(n, 300 - i * 50)) }] })
    // The issue's case: two seats for one open one, with someone already elected among the names.
    expect(refusal(runoff(2, ['赵刚', '王强']))).toBe('另行选举“委员”应选2名，但正式选举后只剩1个名额未选出')
    expect(refusal(runoff(1, ['李娜', '王强']))).toBe('李娜已于2026-03-01正式选举中当选为委员，不能再次当选')
    expect(refusal(runoff(1, ['张伟']))).toBe('张伟已于2026-03-01正式选举中当选为主任，不能再次当选')
    save(runoff(1, ['赵刚', '王强']))
    expect(roster()).toEqual(['村委会主任张伟', '村委会委员李娜', '村委会委员赵刚'])
    // A second 另行选举 once every seat is filled: none left.
    expect(refusal(runoff(1, ['王强']))).toBe('另行选举“委员”应选1名，但正式选举后只剩0个名额未选出')
    expect(refusal(committee({ races: [committee().races[1]] }))).toContain('“委员”已有有效的正式选举结果（2026-03-01），未选足的名额应另行选举')
  })

  it('refuses an 另行选举 before any valid 正式选举', () => {
    expect(refusal(committee({ round: '另行选举' }))).toBe('本村村委会还没有有效的正式选举结果，不能另行选举')
    save(committee({ issued: 599 }))
    expect(refusal(committee({ round: '另行选举' }))).toBe('本村村委会还没有有效的正式选举结果，不能另行选举')
  })
})

describe('被选举权 on the election day', () => {
  it.each([
    ['2008-02-28', true],
    ['2008-03-01', true],
    ['2008-03-02', false],
    ['2016-05-01', false]
  ])('born %s, elected on 2026-03-01: accepted %s', (birth, ok) => {
    const e = committee({ races: [{ post: '主任', seats: 1, candidates: [{ name: '陈小', idNumber: makeIdNumber(birth, '男', 9), votes: 420 }] }] })
    if (ok) expect(save(e).decision.races[0].candidates[0].status).toBe('当选')
    else expect(refusal(e)).toMatch(/^填写有误|未满18周岁/)
  })

  it('counts 29 February as 民法典 does: 18 on 28 February of a common year', () => {
    const e = (heldOn: string) => committee({ heldOn, races: [{ post: '主任', seats: 1, candidates: [{ name: '闰生', idNumber: makeIdNumber('2008-02-29', '男', 9), votes: 420 }] }] })
    expect(electionInput.safeParse(e('2026-02-27')).error?.issues[0].message).toBe('闰生：选举日（2026-02-27）未满18周岁（届时17岁），没有被选举权')
    expect(electionInput.safeParse(e('2026-02-28')).success).toBe(true)
    expect(electionInput.safeParse(e('2026-03-01')).success).toBe(true)
  })
})

describe('the Party committee', () => {
  const member = (name: Name, politicalStatus: string) =>
    testServices(store).personRecords.create(personRecordInput.parse({ person: { name, idNumber: ID[name], villageId }, profile: { politicalStatus } }))

  it.each([
    ['中共党员', null],
    ['中共预备党员', '孙丽的政治面貌为中共预备党员，不能当选党组织委员会成员（须为中共党员，预备党员没有被选举权）'],
    ['群众', '孙丽的政治面貌为群众，不能当选党组织委员会成员（须为中共党员）']
  ])('takes a candidate who is %s: %s', (status, message) => {
    member('孙丽', status)
    const e = party([{ post: '书记', seats: 1, candidates: [line('孙丽', 30)] }])
    if (message) expect(refusal(e)).toBe(message)
    else expect(roster()).toEqual([]), expect(save(e).decision.races[0].candidates[0].status).toBe('当选')
  })

  it('counts a 书记 elected by the 支部委员会 over the committee members present, not the meeting', () => {
    const committeeRace = { post: '委员' as const, seats: 5, candidates: (['张伟', '李娜', '赵刚', '孙丽', '周明', '吴芳'] as Name[]).map((n, i) => line(n, 30 - i * 2)) }
    const secretary = (votes: number, electedBy: '支部委员会' | null) => ({ post: '书记' as const, seats: 1, electedBy, electors: electedBy ? 5 : null, candidates: [line('张伟', votes)] })
    const byCommittee = save(party([committeeRace, secretary(3, '支部委员会')]))
    expect(byCommittee.decision.races[1]).toMatchObject({ minVotes: 3, thresholdText: '得票须超过到会委员人数5的半数（至少3票）' })
    expect(byCommittee.decision.races[1].candidates[0].status).toBe('当选')
    // The same 3 votes counted over the 36 members present elect nobody.
    elections.remove(byCommittee.id)
    expect(save(party([{ ...committeeRace, seats: 4, candidates: committeeRace.candidates.slice(0, 5) }, secretary(3, null)])).decision.races[1].candidates[0].status).toBe('未当选')
    expect(refusal(committee({ races: [{ ...committee().races[0], electedBy: '支部委员会', electors: 5 }] }))).toContain('只有党组织书记、副书记可以由支部委员会选举产生')
  })

  it('warns when 委员 candidates are fewer than 差额 20 % above the seats', () => {
    const names: Name[] = ['张伟', '李娜', '赵刚', '孙丽', '周明', '吴芳']
    const race = (n: number) => [{ post: '委员' as const, seats: 5, candidates: names.slice(0, n).map((x, i) => line(x, 30 - i)) }]
    expect(save(party(race(5))).warnings).toContain('“委员”候选人5名，应选5名：差额不少于20%，应至少6名')
    elections.remove(elections.list()[0].id)
    expect(save(party(race(6))).warnings.filter((w) => w.includes('差额'))).toEqual([])
  })
})

describe('warnings of the law', () => {
  it('wants more candidates than seats per post, in 正式选举 and 另行选举', () => {
    const e = save(committee({ races: [{ post: '主任', seats: 1, candidates: [line('张伟', 420)] }, committee().races[1]] }))
    expect(e.warnings).toContain('“主任”候选人1名，应选1名：正式选举应实行差额选举，候选人应多于应选名额')
    expect(e.warnings.filter((w) => w.includes('“委员”'))).toEqual([])
  })

  it('asks for a woman, a member of the smaller ethnic group, and 定位产生 when the first round elects no woman', async () => {
    registerVoters(store, [voterInput.parse({ villageId, idNumber: makeIdNumber('1970-01-01', '女', 50), name: '阿依', category: 1, ethnicity: '彝族' })])
    save(committee({ races: [committee().races[0], { post: '委员', seats: 2, candidates: [line('赵刚', 330), line('王强', 200)] }] }))
    const flags = elections.villageReport(villageId).bodies.find((b) => b.body === '村委会')!.flags
    expect(flags).toContain('村(居)委会成员中没有妇女成员，不符合“应当有妇女成员”的规定，须通过另行选举等方式补足')
    expect(flags).toContain('正式选举未选出妇女成员：另行选举时可专设妇女委员名额，由女性候选人定位产生')
    expect(flags).toContain('本村有少数民族选民1人，当选的村(居)委会成员中没有少数民族成员：多民族村民居住的村应当有人数较少的民族的成员')
    // The reserved seat takes women only.
    const reserved = (name: Name) => committee({ round: '另行选举', races: [{ post: '委员', seats: 1, reserved: '妇女', candidates: [line(name, 300), line('吴芳', 100)] }] })
    const r = await buildApi(store).elections.create(reserved('周明'))
    expect(!r.ok && r.error.fields?.['races.0.candidates.0.sex']).toBe('周明：妇女委员名额只能由女性当选')
    expect(save(reserved('孙丽')).decision.races[0].candidates[0].status).toBe('当选')
    expect(elections.villageReport(villageId).bodies.find((b) => b.body === '村委会')!.flags.filter((f) => f.includes('妇女'))).toEqual([])
  })
})
