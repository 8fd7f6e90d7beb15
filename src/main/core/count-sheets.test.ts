import { beforeEach, describe, expect, it } from 'vitest'
import { committeeResult, ID, line } from '../../../tests/fixtures/election-results'
import { electionInput, type ElectionInput } from '../../shared/election'
import { villageInput } from '../../shared/village'
import { buildApi } from '../api'
import { Store } from './store'
import { testServices } from './test-support'

let store: Store
let villageId: number
const services = () => testServices(store)
const sheet = (over: Partial<ElectionInput> = {}) => electionInput.parse(committeeResult(villageId, over))
const first = (figures = sheet(), enteredBy = '张晓燕') => services().countSheets.enter({ sheetId: null, enteredBy, figures, electionId: null, reason: '' })
const second = (sheetId: number, figures = sheet(), enteredBy = '李明') => services().countSheets.enter({ sheetId, enteredBy, figures, electionId: null, reason: '' })

beforeEach(() => {
  store = Store.memoryStore({ actor: '测试' })
  villageId = services().villages.create(villageInput.parse({ name: '东山村', kind: '村', committeeElectionDate: '2026-03-01', committeeSeats: 3 })).id
})

describe('双人录入 of a count sheet', () => {
  it('saves and locks the result only when a second clerk keys the same figures', async () => {
    const s = first()
    expect(s).toMatchObject({ status: '待第二次录入', electionId: null, differences: [] })
    expect(services().elections.list()).toEqual([])
    // Blind: until the second entry the sheet shows nobody's figures.
    const api = buildApi(store)
    const shown = await api.countSheets.get({ id: s.id })
    expect(JSON.stringify(shown)).not.toContain('420')
    const done = second(s.id)
    expect(done).toMatchObject({ status: '已确认', entries: [{ enteredBy: '张晓燕' }, { enteredBy: '李明' }] })
    const e = services().elections.require(done.electionId!)
    expect(e).toMatchObject({ locked: true, version: 1, returned: 600 })
    expect(services().members.roster({ term: '本届' }).map((m) => m.name)).toEqual(['张伟', '李娜'])
    expect(() => services().elections.update(e.id, sheet({ note: '改' }))).toThrow('已经双人录入核对并锁定')
    expect(() => services().elections.remove(e.id)).toThrow('已经双人录入核对并锁定')
  })

  it.each([
    ['returned', { returned: 601, valid: 591 }, [['returned', '收回选票', '600', '601'], ['valid', '有效票', '590', '591']]],
    ['a candidate’s votes', { races: [{ ...committeeResult(0).races[0] }, { post: '委员' as const, seats: 2, candidates: [line('李娜', 303), line('赵刚', 300), line('王强', 280)] }] }, [[`races.委员.i${ID.李娜}.votes`, '委员·李娜·得票', '330', '303']]],
    ['a candidate left out', { races: [{ post: '主任' as const, seats: 1, candidates: [line('张伟', 420)] }, committeeResult(0).races[1]] }, [[`races.主任.i${ID.王强}`, '主任·王强', '已录入', '未录入']]]
  ])('lists a difference in %s field by field and blocks the result until resolved', (_what, change, expected) => {
    const s = first()
    const d = second(s.id, sheet(change))
    expect(d.status).toBe('有差异')
    expect(d.differences.map((x) => [x.path, x.label, x.first, x.second])).toEqual(expected)
    expect(services().elections.list()).toEqual([])
  })

  it('refuses the same clerk twice, and a resolution without a reason', async () => {
    const s = first()
    expect(() => second(s.id, sheet(), '张晓燕')).toThrow('第二次录入应由另一名工作人员完成（第一次录入人：张晓燕）')
    second(s.id, sheet({ returned: 601, valid: 591 }))
    const r = await buildApi(store).countSheets.resolve({ sheetId: s.id, resolvedBy: '王主任', reason: ' ', second: [] })
    expect(!r.ok && r.error.fields?.reason).toContain('请填写裁定理由')
    expect(services().elections.list()).toEqual([])
  })

  it('takes each difference from the entry the resolver names, with the reason in the audit log', () => {
    const s = first(sheet({ races: [committeeResult(0).races[0], { post: '委员', seats: 2, candidates: [line('李娜', 303), line('赵刚', 300), line('王强', 280)] }] }))
    second(s.id)
    const path = `races.委员.i${ID.李娜}.votes`
    const done = services().countSheets.resolve({ sheetId: s.id, resolvedBy: '王主任', reason: '核对原始计票单，李娜得票为330', second: [path] })
    expect(done).toMatchObject({ status: '已确认', resolvedBy: '王主任', resolutionReason: '核对原始计票单，李娜得票为330' })
    const e = services().elections.require(done.electionId!)
    expect(e.races[1].candidates.map((c) => [c.name, c.votes])).toEqual([['李娜', 330], ['赵刚', 300], ['王强', 280]])
    expect(e.locked).toBe(true)
    const logged = store.value<string>(`SELECT summary FROM audit_log WHERE entity = 'count_sheet' ORDER BY id DESC LIMIT 1`)
    expect(logged).toBe('裁定东山村村委会计票单差异（王主任）：核对原始计票单，李娜得票为330')
  })

  it('corrects a locked result only as a new double-entered version with its reason', () => {
    const s = second(first().id)
    const id = s.electionId!
    expect(() => services().countSheets.enter({ sheetId: null, enteredBy: '张晓燕', figures: sheet(), electionId: id, reason: '' })).toThrow('须填写更正原因')
    const c = services().countSheets.enter({ sheetId: null, enteredBy: '张晓燕', figures: sheet({ note: '复核', invalid: 11, valid: 589 }), electionId: id, reason: '复核发现无效票漏计1张' })
    expect(c.version).toBe(2)
    expect(services().elections.require(id)).toMatchObject({ version: 1, invalid: 10 })
    second(c.id, sheet({ note: '复核', invalid: 11, valid: 589 }))
    expect(services().elections.require(id)).toMatchObject({ version: 2, invalid: 11, locked: true })
    expect(store.value<string>(`SELECT summary FROM audit_log WHERE entity = 'election' ORDER BY id DESC LIMIT 1`)).toBe('更正东山村村委会正式选举结果（第2版，原因：复核发现无效票漏计1张）')
  })
})
