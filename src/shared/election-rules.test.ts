import { describe, expect, it } from 'vitest'
import {
  ballotProblems,
  decideElection,
  DEFAULT_THRESHOLDS,
  womanMemberCheck,
  type CandidateTally,
  type ElectionTally
} from './election-rules'

const cand = (name: string, votes: number, sex: '男' | '女' | null = '男'): CandidateTally => ({ key: name, name, sex, votes, writeIn: false })

/** A committee election where every ballot came back valid unless said otherwise. */
function committee(registered: number, returned: number, races: ElectionTally['races'], round: ElectionTally['round'] = '正式选举'): ElectionTally {
  return { body: '村委会', round, registered, present: null, issued: returned, returned, valid: returned, invalid: 0, races }
}

const statuses = (t: ElectionTally) =>
  Object.fromEntries(decideElection(t).races.flatMap((r) => r.candidates.map((c) => [c.name, c.status])))

describe('村委会选举有效：登记选民过半数投票', () => {
  it.each([
    // registered, voted, valid?, fewest voters needed
    [1000, 500, false, 501],
    [1000, 501, true, 501],
    [999, 499, false, 500],
    [999, 500, true, 500],
    [3, 1, false, 2],
    [3, 2, true, 2]
  ])('登记%i人，%i人投票 → 有效 %s', (registered, voted, valid, need) => {
    const d = decideElection(committee(registered, voted, [{ post: '主任', seats: 1, candidates: [cand('甲', voted)] }]))
    expect(d.valid).toBe(valid)
    expect(d.validity).toContain(`至少需${need}人`)
    if (!valid) expect(d.races[0].candidates[0].status).toBe('选举无效')
  })

  it('says "exactly half" when turnout is exactly half', () => {
    expect(decideElection(committee(1000, 500, [{ post: '主任', seats: 1, candidates: [cand('甲', 300)] }])).validity).toContain('恰为半数')
  })
})

describe('当选：获得参加投票的村民过半数的选票', () => {
  it.each([
    // voters, votes, elected?
    [600, 300, false],
    [600, 301, true],
    [601, 300, false],
    [601, 301, true],
    [501, 250, false],
    [501, 251, true]
  ])('%i人投票，得%i票 → 当选 %s', (voted, votes, elected) => {
    const d = decideElection(committee(1000, voted, [{ post: '主任', seats: 1, candidates: [cand('甲', votes), cand('乙', voted - votes)] }]))
    expect(d.races[0].candidates.find((c) => c.name === '甲')!.status).toBe(elected ? '当选' : '未当选')
  })

  it('explains exactly half as not more than half', () => {
    const d = decideElection(committee(1000, 600, [{ post: '主任', seats: 1, candidates: [cand('甲', 300), cand('乙', 300)] }]))
    const c = d.races[0].candidates[0]
    expect(c.reason).toBe('得票300，恰为参加投票人数600的半数（至少需301票），未当选')
    expect(d.races[0].tie).toBe(false)
    expect(d.races[0].openSeats).toBe(1)
    expect(d.notes[0]).toContain('尚有1个名额未选出，应另行选举')
  })

  it('fills seats in order of votes among those above half', () => {
    const d = decideElection(committee(1000, 600, [{ post: '委员', seats: 2, candidates: [cand('甲', 320), cand('乙', 500), cand('丙', 310), cand('丁', 100)] }]))
    const r = d.races[0]
    expect(r.candidates.map((c) => [c.name, c.rank, c.status])).toEqual([
      ['乙', 1, '当选'],
      ['甲', 2, '当选'],
      ['丙', 3, '未当选'],
      ['丁', 4, '未当选']
    ])
    expect(r.candidates[2].reason).toBe('得票310，超过参加投票人数600的半数，但排第3位，应选2名已满，未当选')
    expect(r.candidates[0].reason).toBe('得票500，超过参加投票人数600的半数，按得票多少排第1位，在应选2名之内，当选')
    expect(r.openSeats).toBe(0)
  })
})

describe('最后名额得票相等', () => {
  it.each([
    {
      name: 'a tie for the last seat leaves it open and flags a run-off',
      seats: 2,
      votes: { 甲: 400, 乙: 350, 丙: 350 },
      expected: { 甲: '当选', 乙: '得票相等待定', 丙: '得票相等待定' },
      tie: true,
      open: 1
    },
    {
      name: 'a tie that fits within the seats elects everyone in it',
      seats: 3,
      votes: { 甲: 400, 乙: 350, 丙: 350, 丁: 320 },
      expected: { 甲: '当选', 乙: '当选', 丙: '当选', 丁: '未当选' },
      tie: false,
      open: 0
    },
    {
      name: 'a three-way tie for one seat',
      seats: 1,
      votes: { 甲: 301, 乙: 301, 丙: 301 },
      expected: { 甲: '得票相等待定', 乙: '得票相等待定', 丙: '得票相等待定' },
      tie: true,
      open: 1
    },
    {
      name: 'equal votes below half are no tie, just not elected',
      seats: 1,
      votes: { 甲: 250, 乙: 250 },
      expected: { 甲: '未当选', 乙: '未当选' },
      tie: false,
      open: 1
    }
  ])('$name', ({ seats, votes, expected, tie, open }) => {
    const t = committee(1000, 600, [{ post: '委员', seats, candidates: Object.entries(votes).map(([n, v]) => cand(n, v)) }])
    expect(statuses(t)).toEqual(expected)
    const r = decideElection(t).races[0]
    expect(r.tie).toBe(tie)
    expect(r.openSeats).toBe(open)
  })

  it('names the others in the tie', () => {
    const t = committee(1000, 600, [{ post: '委员', seats: 2, candidates: [cand('甲', 400), cand('乙', 350), cand('丙', 350)] }])
    const r = decideElection(t).races[0]
    expect(r.candidates[1].reason).toBe('得票350，超过参加投票人数600的半数，与丙得票相等并列第2位，剩余1个名额不足以全部当选，须就此再次投票')
    expect(decideElection(t).notes).toContain('有候选人在最后名额上得票相等，须就得票相等的人再次投票')
  })
})

describe('另行选举：得票多的当选，但不少于已投选票数的三分之一', () => {
  it.each([
    // voters, votes of the front runner, elected?
    [600, 200, true],
    [600, 199, false],
    [601, 201, true],
    [601, 200, false],
    [3, 1, true]
  ])('%i人投票，得%i票 → 当选 %s', (voted, votes, elected) => {
    const t = committee(2 * voted - 1, voted, [{ post: '委员', seats: 1, candidates: [cand('甲', votes), cand('乙', Math.min(votes - 1, voted - votes))] }], '另行选举')
    expect(statuses(t).甲).toBe(elected ? '当选' : '未当选')
  })

  it('explains the one-third rule', () => {
    const t = committee(1000, 600, [{ post: '委员', seats: 1, candidates: [cand('甲', 200), cand('乙', 150)] }], '另行选举')
    const r = decideElection(t).races[0]
    expect(r.thresholdText).toBe('另行选举：得票多的当选，但不得少于已投选票数600的三分之一（至少200票）')
    expect(r.candidates[0].reason).toBe('得票200，不少于已投选票数的三分之一（200票），按得票多少排第1位，在应选1名之内，当选')
    expect(r.candidates[1].status).toBe('未当选')
  })

  it('still needs more than half to turn out', () => {
    const t = committee(1000, 500, [{ post: '委员', seats: 1, candidates: [cand('甲', 400)] }], '另行选举')
    expect(decideElection(t).valid).toBe(false)
  })
})

describe('党组织选举', () => {
  const party = (registered: number, present: number, votes: number): ElectionTally => ({
    body: '党组织',
    round: '正式选举',
    registered,
    present,
    issued: present,
    returned: present,
    valid: present,
    invalid: 0,
    races: [{ post: '书记', seats: 1, candidates: [cand('甲', votes)] }]
  })

  it.each([
    // entitled, present, votes, meeting valid?, elected?
    [50, 40, 40, false, false],
    [50, 41, 20, true, false],
    [50, 41, 21, true, true],
    [10, 9, 5, true, true],
    [10, 8, 8, false, false],
    [40, 33, 17, true, true],
    [40, 32, 32, false, false]
  ])('应到%i 实到%i 得%i票 → 会议有效 %s，当选 %s', (registered, present, votes, valid, elected) => {
    const d = decideElection(party(registered, present, votes))
    expect(d.valid).toBe(valid)
    expect(d.races[0].candidates[0].status).toBe(elected ? '当选' : valid ? '未当选' : '选举无效')
  })

  it('says why a meeting of exactly four fifths is not valid', () => {
    expect(decideElection(party(50, 40, 40)).validity).toBe('应到会有选举权党员50人，实到40人，未超过五分之四（至少需41人），选举无效')
  })

  it('takes the share of those present, not of ballots returned', () => {
    const t = { ...party(50, 45, 22), returned: 40, valid: 40 }
    const d = decideElection(t)
    expect(d.races[0].minVotes).toBe(23)
    expect(d.races[0].candidates[0].status).toBe('未当选')
    expect(d.races[0].candidates[0].reason).toContain('实到会人数45')
  })
})

describe('选票数核对', () => {
  const base = committee(1000, 600, [{ post: '主任', seats: 1, candidates: [cand('甲', 400), cand('乙', 150)] }])

  it.each([
    { name: 'valid + invalid not equal to returned', change: { valid: 590, invalid: 5 }, field: 'valid', text: '之和应等于收回选票' },
    { name: 'issued more than registered', change: { registered: 550 }, field: 'issued', text: '不能多于登记选民数' },
    { name: 'a candidate above the valid ballots', change: { valid: 390, invalid: 210 }, field: 'races.0.candidates.0.votes', text: '甲的得票（400）不能多于有效票（390）' }
  ])('refuses $name', ({ change, field, text }) => {
    const p = ballotProblems({ ...base, ...change })
    expect(p[field]).toContain(text)
  })

  it('decides returned above issued as void instead of refusing it (选举无效)', () => {
    expect(ballotProblems({ ...base, issued: 590 })).toEqual({})
    expect(decideElection({ ...base, issued: 590 })).toMatchObject({ valid: false, validity: '收回选票600张，多于发出选票590张，选举无效' })
    expect(decideElection({ ...base, issued: 600 }).valid).toBe(true)
  })

  it('refuses more votes than ballots × seats in a race', () => {
    const t = committee(1000, 100, [{ post: '委员', seats: 2, candidates: [cand('甲', 100), cand('乙', 90), cand('丙', 20)] }])
    expect(ballotProblems(t)['races.0.candidates']).toContain('超过有效票数 × 应选名额（100 × 2）')
  })

  it('accepts a consistent tally', () => {
    expect(ballotProblems(base)).toEqual({})
  })

  it('checks the Party meeting counts', () => {
    const t: ElectionTally = { ...base, body: '党组织', registered: 50, present: 60, issued: 45, returned: 45, valid: 45, races: [] }
    expect(ballotProblems(t).present).toBe('实到会人数（60）不能多于应到会人数（50）')
  })
})

describe('妇女成员', () => {
  it.each([
    [[cand('甲', 1), cand('乙', 1, '女')], true, '有妇女成员：乙'],
    [[cand('甲', 1), cand('丙', 1)], false, '没有妇女成员'],
    [[cand('甲', 1), cand('丁', 1, null)], false, '丁的性别不详']
  ])('%#', (elected, ok, text) => {
    const r = womanMemberCheck(elected)
    expect(r.ok).toBe(ok)
    expect(r.reason).toContain(text)
  })
})

it('uses the thresholds it is given (a province with a two-thirds quorum, say)', () => {
  const t = committee(900, 600, [{ post: '主任', seats: 1, candidates: [cand('甲', 301)] }])
  expect(decideElection(t, { ...DEFAULT_THRESHOLDS, turnout: { num: 2, den: 3 } }).valid).toBe(false)
  expect(decideElection({ ...t, returned: 601, issued: 601, valid: 601 }, { ...DEFAULT_THRESHOLDS, turnout: { num: 2, den: 3 } }).valid).toBe(true)
})
