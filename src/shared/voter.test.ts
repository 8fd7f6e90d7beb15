import { describe, expect, it } from 'vitest'
import {
  objectionTiming,
  parseCategory,
  proxyInput,
  proxyProblem,
  publicationCheck,
  voterEligibility,
  voterInput
} from './voter'

describe('登记类别', () => {
  it.each([
    ['户籍在本村并且在本村居住', 1],
    ['户籍在本村并居住', 1],
    ['一类', 1],
    ['1', 1],
    [1, 1],
    ['户籍在本村、不在本村居住、本人表示参加选举', 2],
    ['户籍在本村不居住', 2],
    ['第二类', 2],
    ['户籍不在本村、在本村居住一年以上、本人申请参加选举并经村民会议或村民代表会议同意', 3],
    ['居住一年以上户籍不在本村', 3],
    ['三类', 3],
    ['四类', null],
    ['', null],
    ['外来人口', null]
  ])('%s → %s', (text, n) => {
    expect(parseCategory(text)).toBe(n)
  })

  it('asks the third category for the approving meeting and its date', () => {
    const base = { villageId: 1, idNumber: '11010519491231002X', name: '王芳', category: 3 as const }
    const r = voterInput.safeParse(base)
    expect(r.success).toBe(false)
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['approvalDate', 'approvalMeeting'])
    expect(voterInput.safeParse({ ...base, approvalDate: '2026-01-10', approvalMeeting: '村民代表会议' }).success).toBe(true)
    expect(voterInput.safeParse({ ...base, category: 1 }).success).toBe(true)
  })
})

describe('选举日年满18周岁', () => {
  it.each([
    // birth, election day, deprived, eligible, age
    ['2008-03-01', '2026-03-01', false, true, 18],
    ['2008-03-02', '2026-03-01', false, false, 17],
    ['2008-02-29', '2026-02-27', false, false, 17],
    ['2008-02-29', '2026-02-28', false, true, 18],
    ['2008-02-29', '2026-03-01', false, true, 18],
    ['1960-05-05', '2026-03-01', true, false, 65]
  ])('born %s, election %s, deprived %s → %s', (birthDate, day, deprived, eligible, age) => {
    const r = voterEligibility({ birthDate, deprived }, day)
    expect(r).toMatchObject({ eligible, age })
  })

  it('explains each refusal', () => {
    expect(voterEligibility({ birthDate: '2008-03-02', deprived: false }, '2026-03-01').reason).toBe('选举日（2026-03-01）未满18周岁（届时17岁）')
    expect(voterEligibility({ birthDate: '1960-01-01', deprived: true }, '2026-03-01').reason).toContain('剥夺政治权利')
    expect(voterEligibility({ birthDate: '1960-01-01', deprived: false }, null).reason).toContain('尚未确定选举日')
  })

})

describe('公布与申诉期限', () => {
  it.each([
    ['2026-02-09', '2026-03-01', true],
    ['2026-02-10', '2026-03-01', false]
  ])('published %s for %s → in time %s', (published, day, ok) => {
    expect(publicationCheck(published, day, 20).ok).toBe(ok)
  })

  it('explains a late publication with the latest allowed day', () => {
    expect(publicationCheck('2026-02-10', '2026-03-01', 20).reason).toBe('选举日前仅19天公布，少于规定的20天（最迟应于2026-02-09公布）')
  })

  const rules = { objectionDays: 5, answerDays: 3 }
  it.each([
    { filedOn: '2026-02-14', answeredOn: '2026-02-17', today: '2026-02-20', filedLate: false, answerLate: false, overdue: false },
    { filedOn: '2026-02-15', answeredOn: '2026-02-18', today: '2026-02-20', filedLate: true, answerLate: false, overdue: false },
    { filedOn: '2026-02-12', answeredOn: '2026-02-16', today: '2026-02-20', filedLate: false, answerLate: true, overdue: false },
    { filedOn: '2026-02-12', answeredOn: null, today: '2026-02-15', filedLate: false, answerLate: false, overdue: false },
    { filedOn: '2026-02-12', answeredOn: null, today: '2026-02-16', filedLate: false, answerLate: false, overdue: true }
  ])('published 2026-02-09, filed $filedOn, answered $answeredOn, today $today', ({ filedOn, answeredOn, today, ...flags }) => {
    expect(objectionTiming({ filedOn, answeredOn }, '2026-02-09', today, rules)).toMatchObject(flags)
  })
})

describe('委托投票', () => {
  const free = { holderCount: 0, holderIsPrincipal: false, principalIsHolder: false, principalHasProxy: false }
  it.each([
    [{ principalId: 1, holderId: 2, written: true }, free, null],
    [{ principalId: 1, holderId: 2, written: true }, { ...free, holderCount: 2 }, null],
    [{ principalId: 1, holderId: 2, written: true }, { ...free, holderCount: 3 }, '每名受托人接受委托不得超过3人，该受托人已接受3人委托'],
    [{ principalId: 1, holderId: 2, written: false }, free, '委托投票须有委托人的书面委托'],
    [{ principalId: 1, holderId: 1, written: true }, free, '委托人与受托人不能是同一人'],
    [{ principalId: 1, holderId: 2, written: true }, { ...free, principalHasProxy: true }, '该选民已委托他人投票，一名选民只能委托一人'],
    [{ principalId: 1, holderId: 2, written: true }, { ...free, holderIsPrincipal: true }, '受托人本人已委托他人投票，不能再接受委托']
  ])('%#', (p, state, problem) => {
    expect(proxyProblem(p, state, 3)).toBe(problem)
  })
})

describe('委托投票 relation', () => {
  it('takes a near relative in the words rosters use, and refuses anyone else with the reason', async () => {
    const { proxyInput } = await import('./voter')
    const base = { principalId: 1, holderId: 2, written: true, signedOn: '2026-03-01' }
    for (const relation of ['配偶', '儿子', '外孙女', ' 姐姐 ']) expect(proxyInput.safeParse({ ...base, relation }).success).toBe(true)
    const neighbour = proxyInput.safeParse({ ...base, relation: '邻居' })
    expect(neighbour.success).toBe(false)
    expect(neighbour.error!.issues[0].message).toMatch(/^“邻居”不是近亲属：委托投票只能委托近亲属（配偶、父母/)
  })
})

describe('委托投票 to a near relative, one of the kinds 民法典 第一千零四十五条 names', () => {
  const base = { principalId: 1, holderId: 2, written: true }
  it.each([
    ['配偶', '配偶'],
    ['妻子', '配偶'],
    [' 爷爷 ', '祖父母'],
    ['外孙女', '外孙子女'],
    ['兄弟姐妹', '兄弟姐妹']
  ])('takes %s as %s', (relation, kind) => {
    expect(proxyInput.parse({ ...base, relation }).relation).toBe(kind)
  })
  it.each(['邻居', '朋友', '叔叔', '侄子', '儿媳', ''])('refuses %s', (relation) => {
    const r = proxyInput.safeParse({ ...base, relation })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0].message).toMatch(relation ? new RegExp(`“${relation}”不是近亲属`) : /请选择受托人与委托人的关系/)
  })
})
