import { beforeEach, describe, expect, it } from 'vitest'
import { committeeResult, line } from '../../../tests/fixtures/election-results'
import { electionInput } from '../../shared/election'
import { decideRecall, recallInput } from '../../shared/recall'
import { villageInput } from '../../shared/village'
import { Store } from './store'
import { testServices } from './test-support'

describe('罢免 thresholds', () => {
  const base = { demandedBy: '选民' as const, demanders: 200, representatives: null, registered: 1000, voted: 600, yes: 301 }
  it.each([
    // demanded by voters: 1/5 or more of 1,000
    [{ demanders: 199 }, [false, false, false]],
    [{ demanders: 200 }, [true, true, true]],
    [{ demanders: 201 }, [true, true, true]],
    // demanded by representatives: 1/3 or more of 40 is 14
    [{ demandedBy: '村民代表' as const, representatives: 40, demanders: 13 }, [false, false, false]],
    [{ demandedBy: '村民代表' as const, representatives: 40, demanders: 14 }, [true, true, true]],
    // valid with more than half of the voters voting
    [{ voted: 500, yes: 400 }, [true, false, false]],
    [{ voted: 501, yes: 400 }, [true, true, true]],
    // passes with more than half of those voting
    [{ yes: 300 }, [true, true, false]],
    [{ yes: 301 }, [true, true, true]]
  ])('%o → demand, valid, passed = %o', (change, [demandOk, valid, passed]) => {
    expect(decideRecall({ ...base, ...change })).toMatchObject({ demandOk, valid, passed })
  })

  it('says why in the words of the law', () => {
    expect(decideRecall({ ...base, yes: 300 }).reasons).toEqual([
      '登记选民1000人，联名200人，达到五分之一以上（至少需200人）',
      '登记选民1000人，参加投票600人，超过半数（至少需501人），罢免表决有效',
      '赞成300票，未超过投票人数600的半数（至少需301票），罢免未通过'
    ])
  })
})

describe('recording a recall, then 补选', () => {
  let store: Store
  beforeEach(() => {
    store = Store.memoryStore({ actor: '测试' })
  })

  it('takes a recalled member off the roster, opens the seat to 补选, and reports it', () => {
    const s = testServices(store)
    const villageId = s.villages.create(villageInput.parse({ name: '东山村', kind: '村', committeeElectionDate: '2026-03-01', committeeSeats: 3 })).id
    s.elections.create(electionInput.parse(committeeResult(villageId, { races: [committeeResult(0).races[0], { post: '委员', seats: 2, candidates: [line('李娜', 330), line('赵刚', 320)] }] })))
    const zhao = s.members.roster({ term: '本届' }).find((m) => m.name === '赵刚')!
    const byElection = (over = {}) => electionInput.parse(committeeResult(villageId, { round: '补选', heldOn: '2026-09-01', races: [{ post: '委员', seats: 1, candidates: [line('孙丽', 400), line('周明', 100)] }], ...over }))
    expect(() => s.elections.create(byElection())).toThrow('补选“委员”应选1名，但本届委员只出缺0名')
    const recall = (yes: number) =>
      s.recalls.create(recallInput.parse({ villageId, personId: zhao.personId, demandedBy: '选民', demanders: 210, reason: '长期不履职', heldOn: '2026-08-01', registered: 1000, voted: 600, yes, no: 600 - yes, invalid: 0 }))
    expect(recall(300).decision.passed).toBe(false)
    expect(s.members.roster({ term: '本届' }).map((m) => m.name)).toContain('赵刚')
    expect(recall(301)).toMatchObject({ name: '赵刚', post: '委员', decision: { passed: true } })
    expect(s.members.roster({ term: '本届' }).map((m) => m.name)).toEqual(['张伟', '李娜'])
    expect(s.elections.create(byElection()).decision.races[0].candidates[0].status).toBe('当选')
    expect(s.members.roster({ term: '本届' }).map((m) => m.name)).toEqual(['张伟', '李娜', '孙丽'])
    const flags = s.elections.villageReport(villageId).bodies.find((b) => b.body === '村委会')!.flags
    expect(flags).toContain('2026-08-01罢免委员赵刚：赞成301票，超过投票人数600的半数（至少需301票），罢免通过')
    expect(flags).toContain('2026-08-01罢免委员赵刚：赞成300票，未超过投票人数600的半数（至少需301票），罢免未通过')
  })
})
