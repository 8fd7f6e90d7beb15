import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../tests/fixtures/ids'
import { buildApi } from '../api'
import { electionInput } from '../../shared/election'
import { HANDOVER_ITEMS, handoverItemInput } from '../../shared/handover'
import { villageInput } from '../../shared/village'
import { fixedClock, type FixedClock } from './clock'
import type { Services } from './services'
import { Store } from './store'
import { testServices, useTempDir } from './test-support'

const tempDir = useTempDir()
let store: Store
let clock: FixedClock
let s: Services
let east: number
let west: number
let south: number

const item = (villageId: number, item: (typeof HANDOVER_ITEMS)[number], handedOn: string, over: Record<string, string> = {}) =>
  handoverItemInput.parse({ villageId, item, handedBy: '王老主任', receivedBy: '张新主任', supervisedBy: '李干事', handedOn, ...over })

beforeEach(() => {
  store = Store.fileStore(path.join(tempDir(), 'office.db'))
  clock = fixedClock('2026-03-05')
  s = testServices(store, clock)
  const village = (name: string) => s.villages.create(villageInput.parse({ name, kind: '村', township: '青山镇', committeeElectionDate: '2026-03-01' })).id
  east = village('东岭村')
  west = village('西坡村')
  south = village('南湾村')
  const elect = (villageId: number, heldOn: string, n: number) =>
    s.elections.create(
      electionInput.parse({
        villageId, body: '村委会', heldOn, registered: 100, issued: 80, returned: 80, valid: 80, invalid: 0,
        races: [{ post: '主任', seats: 1, candidates: [{ name: `主任${n}`, idNumber: makeIdNumber('1980-06-01', '男', n), votes: 70 }] }]
      })
    )
  elect(east, '2026-03-01', 1)
  // 西坡村 needed a second day: its committee is complete, and its window opens, on 3月3日.
  elect(west, '2026-03-03', 2)
})

describe('工作移交', () => {
  it('opens the window on the day the new committee is complete and closes it after the setting’s days', () => {
    const board = s.handover.board()
    const of = (id: number) => board.find((v) => v.villageId === id)!
    expect(of(east)).toMatchObject({ electedOn: '2026-03-01', dueOn: '2026-03-11', daysLeft: 6, state: '未开始' })
    expect(of(west)).toMatchObject({ electedOn: '2026-03-03', dueOn: '2026-03-13', daysLeft: 8, state: '未开始' })
    expect(of(south)).toMatchObject({ electedOn: null, state: '未选举' })
    s.handover.saveSettings({ days: 15 })
    expect(s.handover.village(east)).toMatchObject({ dueOn: '2026-03-16', daysLeft: 11 })
  })

  it('records item by item, keeps villages apart, and is overdue on day 11 but not on day 10', () => {
    for (const k of HANDOVER_ITEMS.slice(0, 4)) s.handover.record(item(east, k, '2026-03-04'))
    s.handover.record(item(west, '公章', '2026-03-04', { handedBy: '赵老书记', receivedBy: '钱新书记' }))
    const eastNow = s.handover.village(east)
    expect(eastNow).toMatchObject({ done: 4, state: '进行中' })
    expect(eastNow.items.map((i) => i.handedBy)).toEqual(['王老主任', '王老主任', '王老主任', '王老主任'])
    expect(s.handover.village(west).items).toEqual([expect.objectContaining({ item: '公章', handedBy: '赵老书记', receivedBy: '钱新书记' })])

    clock.set('2026-03-11')
    expect(s.handover.village(east)).toMatchObject({ state: '进行中', late: false, daysLeft: 0 })
    clock.set('2026-03-12')
    expect(s.handover.village(east)).toMatchObject({ state: '逾期', late: true, daysLeft: -1 })
    expect(s.handover.board()[0].villageId).toBe(east)

    s.handover.record(item(east, '债权债务', '2026-03-12', { note: '欠款清单三页' }))
    expect(s.handover.village(east)).toMatchObject({ state: '已完成', late: true, finishedOn: '2026-03-12' })
  })

  it('corrects an item in place and takes one back, each in the audit log', () => {
    s.handover.record(item(east, '三资', '2026-03-02'))
    s.handover.record(item(east, '三资', '2026-03-03', { note: '合同42份' }))
    expect(s.handover.village(east).items).toEqual([expect.objectContaining({ item: '三资', handedOn: '2026-03-03', note: '合同42份' })])
    s.handover.clear(east, '三资')
    expect(s.handover.village(east).done).toBe(0)
    const audit = store.all<{ summary: string }>("SELECT summary FROM audit_log WHERE entity = 'handover_item' ORDER BY id")
    expect(audit.map((a) => a.summary)).toEqual([
      '登记东岭村工作移交：三资（王老主任→张新主任，监交李干事）',
      '修改东岭村工作移交：三资（王老主任→张新主任，监交李干事）',
      '撤销东岭村工作移交登记：三资'
    ])
  })

  it('refuses, changing nothing, a village without a new committee, a date before its election or after today, a missing 监交人', async () => {
    const api = buildApi(store, undefined, clock)
    const refusals = [
      await api.handover.record(item(south, '公章', '2026-03-04')),
      await api.handover.record(item(west, '公章', '2026-03-02')),
      await api.handover.record(item(east, '公章', '2026-03-06')),
      await api.handover.record({ ...item(east, '公章', '2026-03-04'), supervisedBy: ' ' })
    ]
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.message))).toEqual([
      '南湾村尚未选出新一届村(居)委会，不能登记工作移交',
      '移交日期不能早于新一届村(居)委会选举日 2026-03-03',
      '移交日期不能晚于今天',
      expect.stringContaining('监交人')
    ])
    expect(store.value('SELECT count(*) FROM handover_items')).toBe(0)
  })
})
