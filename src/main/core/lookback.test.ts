import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { buildApi } from '../api'
import { riskItemInput, statusChangeInput } from '../../shared/risk'
import { villageInput } from '../../shared/village'
import { fixedClock } from './clock'
import type { Services } from './services'
import { Store } from './store'
import { testServices, useTempDir } from './test-support'

const tempDir = useTempDir()
const clock = fixedClock('2026-04-01')
let store: Store
let s: Services
let east: number
let west: number

const problem = (villageId: number, type: string, over: Record<string, unknown> = {}) =>
  riskItemInput.parse({ villageId, type, description: `${type}的情况`, foundOn: '2026-03-20', deadline: '2026-03-30', responsibleCadre: '李干事', ...over })

beforeEach(() => {
  store = Store.fileStore(path.join(tempDir(), 'office.db'))
  s = testServices(store, clock)
  east = s.villages.create(villageInput.parse({ name: '东岭村', kind: '村', leader: '王镇长' })).id
  west = s.villages.create(villageInput.parse({ name: '西坡村', kind: '村' })).id
})

describe('回头看', () => {
  it('closes a problem like a risk item: 化解中, then 销号 with its evidence, every step in its history, and reopens with a reason', () => {
    const item = s.lookback.create(problem(east, '交接不畅', { measures: '乡镇监交，限期移交账目' }))
    s.lookback.changeStatus(statusChangeInput.parse({ id: item.id, to: '化解中', on: '2026-03-25', note: '已约谈老主任' }))
    const closed = s.lookback.changeStatus(statusChangeInput.parse({ id: item.id, to: '已化解', on: '2026-03-31', evidence: '账目移交清单已签字', by: '张书记' }))
    expect(closed).toMatchObject({ status: '已化解', closedOn: '2026-03-31', closedEvidence: '账目移交清单已签字', closedBy: '张书记' })
    expect(s.lookback.detail(item.id).events.map((e) => [e.fromStatus, e.toStatus, e.on])).toEqual([
      [null, '未化解', '2026-03-20'],
      ['未化解', '化解中', '2026-03-25'],
      ['化解中', '已化解', '2026-03-31']
    ])
    expect(() => s.lookback.changeStatus(statusChangeInput.parse({ id: item.id, to: '未化解', on: '2026-04-01' }))).toThrow('重新打开已销号的事项须说明原因')
    s.lookback.changeStatus(statusChangeInput.parse({ id: item.id, to: '未化解', on: '2026-04-01', note: '账目仍缺一册' }))
    expect(s.lookback.detail(item.id)).toMatchObject({ status: '未化解', closedOn: null })
    const audit = store.all<{ summary: string }>("SELECT summary FROM audit_log WHERE entity = 'risk_item' ORDER BY id").map((a) => a.summary)
    expect(audit).toEqual([
      '登记回头看问题：东岭村·交接不畅',
      '回头看问题改为“化解中”：东岭村·交接不畅（已约谈老主任）',
      '回头看问题销号：东岭村·交接不畅',
      '回头看问题重新打开：东岭村·交接不畅（账目仍缺一册）'
    ])
  })

  it('keeps its problems apart from the risk files, both ways', async () => {
    const risk = s.risks.create(problem(west, '信访矛盾'))
    const found = s.lookback.create(problem(east, '拉票贿选'))
    expect(s.risks.list({}).map((i) => i.id)).toEqual([risk.id])
    expect(s.lookback.list({}).map((i) => i.id)).toEqual([found.id])
    expect(s.riskBoard.township().totals.open).toBe(1)
    const api = buildApi(store, undefined, clock)
    const crossed = await api.risks.changeStatus({ id: found.id, to: '化解中', on: '2026-03-25' })
    expect(crossed.ok ? 'ok' : crossed.error.message).toBe('该风险事项不存在，可能已被删除')
    const back = await api.lookback.get({ id: risk.id })
    expect(back.ok ? 'ok' : back.error.message).toBe('该回头看问题不存在，可能已被删除')
  })

  it('takes only the kinds of problem found after the vote', async () => {
    const r = await buildApi(store, undefined, clock).lookback.create(problem(east, '征地拆迁'))
    expect(r.ok ? 'ok' : [r.error.message, r.error.fields?.type]).toEqual([
      '回头看问题的类型应为程序疏漏、资格不符、拉票贿选、宗族/黑恶干扰、三资问题、交接不畅、落选干部思想波动、其他之一',
      '回头看问题的类型应为程序疏漏、资格不符、拉票贿选、宗族/黑恶干扰、三资问题、交接不畅、落选干部思想波动、其他之一'
    ])
    expect(store.value('SELECT count(*) FROM risk_items')).toBe(0)
  })

  it('lists the villages with open problems as the 换届后重点关注村, and lets a village go once all are closed', async () => {
    const api = buildApi(store, undefined, clock)
    s.lookback.create(problem(east, '三资问题', { responsibleCadre: '陈会计' }))
    const late = s.lookback.create(problem(east, '落选干部思想波动'))
    const westItem = s.lookback.create(problem(west, '程序疏漏', { deadline: '2026-04-10' }))
    const focus = async () => {
      const r = await api.lookback.focus()
      if (!r.ok) throw new Error(r.error.message)
      return r.value.map((f) => [f.村社, f.问题类型, f.未整改, f.逾期])
    }
    expect(await focus()).toEqual([
      ['东岭村', '三资问题、落选干部思想波动', 2, 2],
      ['西坡村', '程序疏漏', 1, 0],
      ['合计', '2个村(社区)', 3, 2]
    ])
    s.lookback.changeStatus(statusChangeInput.parse({ id: westItem.id, to: '已化解', on: '2026-03-31', evidence: '补正选举程序记录', by: '张书记' }))
    s.lookback.changeStatus(statusChangeInput.parse({ id: late.id, to: '已化解', on: '2026-03-31', evidence: '谈心谈话两次', by: '王镇长' }))
    expect(await focus()).toEqual([
      ['东岭村', '三资问题', 1, 1],
      ['合计', '1个村(社区)', 1, 1]
    ])
  })
})
