import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { villageInput, type VillageInput } from '../../shared/village'
import { AppFailure } from '../../shared/result'
import { Store } from './store'
import { useTempDir } from './test-support'
import { VillageService } from './villages'
import { testServices } from './test-support'

const tempDir = useTempDir()
const data = (v: VillageInput) => villageInput.parse(v)

function open() {
  const store = Store.fileStore(path.join(tempDir(), 'office.db'), { actor: '张文书' })
  return { store, villages: testServices(store).villages, audit: testServices(store).audit }
}

describe('VillageService', () => {
  it('creates, updates and deletes, writing an audit row with before and after for each', () => {
    const { store, villages, audit } = open()
    const v = villages.create(data({ name: '龙山村', kind: '村', households: 420, population: 1580, committeeSeats: 5 }))
    const edited = villages.update(v.id, data({ ...v, grade: '重难点村', note: '宗族矛盾' }))
    expect(edited).toMatchObject({ name: '龙山村', grade: '重难点村', households: 420 })
    villages.remove(v.id)
    expect(villages.list()).toEqual([])

    const log = audit.list({ entity: 'village' })
    expect(log.map((r) => r.action)).toEqual(['delete', 'update', 'create'])
    expect(log.every((r) => r.actor === '张文书' && r.entityId === String(v.id))).toBe(true)
    expect(log[2].after).toMatchObject({ name: '龙山村', grade: '一般村' })
    expect(log[1].before).toMatchObject({ grade: '一般村' })
    expect(log[1].after).toMatchObject({ grade: '重难点村', note: '宗族矛盾' })
    expect(log[0].before).toMatchObject({ name: '龙山村' })
    store.close()
  })

  it('finds by name, full pinyin and pinyin initials, and filters by grade', () => {
    const { villages } = open()
    villages.create(data({ name: '龙山村', kind: '村', grade: '重难点村' }))
    villages.create(data({ name: '石桥村', kind: '村' }))
    villages.create(data({ name: '东风社区', kind: '社区', grade: '平稳村' }))
    const names = (q: Parameters<VillageService['list']>[0]) => villages.list(q).map((v) => v.name)
    expect(names({ search: 'lsc' })).toEqual(['龙山村'])
    expect(names({ search: 'LongShan' })).toEqual(['龙山村'])
    expect(names({ search: '桥' })).toEqual(['石桥村'])
    expect(names({ search: 'dfsq' })).toEqual(['东风社区'])
    expect(names({ search: 'c' }).sort()).toEqual(['石桥村', '龙山村'].sort())
    expect(names({ grade: '重难点村' })).toEqual(['龙山村'])
    expect(names({ search: '%' })).toEqual([])
  })

  it('refuses a duplicate name or division code in Chinese, naming the other village', () => {
    const { villages } = open()
    villages.create(data({ name: '龙山村', kind: '村', divisionCode: '330302101201' }))
    expect(() => villages.create(data({ name: '龙山村', kind: '村' }))).toThrow('已有名为“龙山村”的村社')
    expect(() => villages.create(data({ name: '新村', kind: '村', divisionCode: '330302101201' }))).toThrow(/已被“龙山村”使用/)
  })

  it('refuses to delete a village that people refer to, and says how many', () => {
    const { store, villages } = open()
    const v = villages.create(data({ name: '龙山村', kind: '村' }))
    store.db
      .prepare(`INSERT INTO persons (name, village_id, created_at, updated_at) VALUES ('王建国', ?, 'x', 'x'), ('李秀英', ?, 'x', 'x')`)
      .run(v.id, v.id)
    let err: AppFailure | undefined
    try {
      villages.remove(v.id)
    } catch (e) {
      err = e as AppFailure
    }
    expect(err?.error).toEqual({ code: 'in_use', message: '“龙山村”仍有人员 2 条记录引用，不能删除。请先处理这些记录。' })
    expect(villages.list().map((x) => x.name)).toEqual(['龙山村'])
  })
})

describe('villageInput', () => {
  it('refuses bad input field by field', () => {
    const r = villageInput.safeParse({ name: ' ', kind: '镇', divisionCode: '3303021012', committeeSeats: 8, partySeats: 0, population: 10, partyMembers: 20 })
    expect(r.success).toBe(false)
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]))
    expect(byField).toMatchObject({
      name: '名称不能为空',
      kind: '类型应为“村”或“社区”',
      divisionCode: '行政区划代码应为12位数字',
      committeeSeats: '村(居)委会由主任、副主任和委员共3至7人组成',
      partySeats: '党组织职数应在1–9之间'
    })
  })

  it('checks the parts of a 12-digit division code and the cross-field counts', () => {
    expect(villageInput.safeParse({ name: '甲', kind: '村', divisionCode: '330302000201' }).error?.issues[0].message).toContain('乡镇部分')
    expect(villageInput.safeParse({ name: '甲', kind: '村', divisionCode: '330302101000' }).error?.issues[0].message).toContain('村级部分')
    expect(villageInput.safeParse({ name: '甲', kind: '村', divisionCode: '330302101201' }).success).toBe(true)
    expect(villageInput.safeParse({ name: '甲', kind: '村', population: 10, partyMembers: 20 }).error?.issues[0]).toMatchObject({
      path: ['partyMembers'],
      message: '党员数不能多于人口'
    })
    expect(villageInput.safeParse({ name: '甲', kind: '村', partyElectionDate: '2026-02-30' }).success).toBe(false)
  })
})

describe('list order', () => {
  it('puts villages with a division code first, by code, then the others in pinyin order', () => {
    const { villages } = open()
    for (const [name, code] of [['张家村', null], ['安乐村', null], ['石桥村', '330302101202'], ['龙山村', '330302101201'], ['白沙村', null]] as const) {
      villages.create(data({ name, kind: '村', divisionCode: code }))
    }
    expect(villages.list().map((v) => v.name)).toEqual(['龙山村', '石桥村', '安乐村', '白沙村', '张家村'])
  })

  it('reads numbers inside names as numbers: 新建2村 before 新建10村, 第二社区 before 第十一社区', () => {
    const { villages } = open()
    for (const name of ['新建10村', '第十一社区', '新建2村', '第二社区', '新建1村']) villages.create(data({ name, kind: name.endsWith('社区') ? '社区' : '村' }))
    expect(villages.list().map((v) => v.name)).toEqual(['第二社区', '第十一社区', '新建1村', '新建2村', '新建10村'])
  })
})
