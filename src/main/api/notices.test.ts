import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { villageInput } from '../../shared/village'
import { Store } from '../core/store'
import { testServices } from '../core/test-support'
import { buildApi } from '.'

let store: Store
beforeEach(() => {
  store = Store.memoryStore()
})
afterEach(() => store.close())

describe('notices API: the office’s wording of each 公告', () => {
  it('previews an unsaved wording with a real community, in 居民 words, saving nothing', async () => {
    const api = buildApi(store)
    const south = testServices(store).villages.create(villageInput.parse({ name: '南苑社区', kind: '社区', township: '青山镇', committeeElectionDate: '2026-03-08', committeeSeats: 5 })).id
    const r = await api.notices.preview({ notice: '选举日及选举方式', villageId: south, title: '{村社}公告', body: '{村民}们：{选举日}选举{村民委员会}，共{职数}人；申诉期{申诉天数}日。' })
    expect(r).toEqual({ ok: true, value: { title: '南苑社区公告', body: '居民们：2026年3月8日选举居民委员会，共5人；申诉期5日。' } })
    const versions = await api.notices.versions({ notice: '选举日及选举方式' })
    expect(versions.ok && versions.value.map((v) => v.version)).toEqual([0])
  })

  it('keeps every saved version, newest in force, and refuses an unknown placeholder changing nothing', async () => {
    const api = buildApi(store)
    const first = await api.notices.save({ notice: '候选人名单', title: '{村社}候选人', body: '第一稿' })
    const second = await api.notices.save({ notice: '候选人名单', title: '{村社}候选人', body: '第二稿' })
    expect([first.ok && first.value.version, second.ok && second.value.version]).toEqual([1, 2])
    const again = await api.notices.save({ notice: '候选人名单', title: '{村社}候选人', body: '第二稿' })
    expect(again.ok && again.value.version).toBe(2)
    const bad = await api.notices.save({ notice: '候选人名单', title: '{村社}候选人', body: '定于{开会日}' })
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.error.message).toContain('{开会日} 不是可用的占位符')
    const versions = await api.notices.versions({ notice: '候选人名单' })
    expect(versions.ok && versions.value.map((v) => [v.version, v.body])).toEqual([[2, '第二稿'], [1, '第一稿'], [0, expect.stringContaining('按姓氏笔画排序')]])
    const templates = await api.notices.templates()
    expect(templates.ok && templates.value.find((t) => t.notice === '候选人名单')?.body).toBe('第二稿')
    expect(testServices(store).audit.list({ entity: 'notice_template' })).toHaveLength(2)
  })
})
