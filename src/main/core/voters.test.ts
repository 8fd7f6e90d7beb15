import { beforeEach, describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../tests/fixtures/ids'
import { ageOn } from '../../shared/idcard'
import { AppFailure } from '../../shared/result'
import { voterInput, type VoterInput } from '../../shared/voter'
import { Store } from './store'
import { VoterService } from './voters'
import { votingRulesSetting } from '../../shared/settings'
import { villageInput } from '../../shared/village'
import { testServices } from './test-support'

let store: Store
let voters: VoterService
let east: number
let west: number

function village(name: string, committeeElectionDate: string | null = '2026-03-01'): number {
  return testServices(store).villages.create(villageInput.parse({ name, kind: '村', committeeElectionDate })).id
}

const add = (v: Omit<VoterInput, 'villageId'> & { villageId?: number }) => voters.create(voterInput.parse({ villageId: east, ...v }))

function refusal(fn: () => unknown): AppFailure['error'] {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppFailure) return e.error
    throw e
  }
  throw new Error('expected a refusal')
}

beforeEach(() => {
  store = Store.memoryStore({ actor: '测试' })
  voters = testServices(store).voters
  east = village('东山村')
  west = village('西山村')
})

describe('registering voters', () => {
  it('derives sex and age from the ID and checks age on the village election day', () => {
    const v = add({ idNumber: makeIdNumber('2008-03-01', '女'), name: '陈晓', category: 1, groupName: '一组' })
    expect(v).toMatchObject({ sex: '女', ageOnElectionDay: 18, eligible: true, villageName: '东山村' })
    const e = refusal(() => add({ idNumber: makeIdNumber('2008-03-02', '男'), name: '陈明', category: 1 }))
    expect(e.message).toBe('陈明：选举日（2026-03-01）未满18周岁（届时17岁），不能登记为选民')
    expect(e.fields).toHaveProperty('idNumber')
  })

  it("keeps the law's 18, whatever an older file stored as a setting", () => {
    store.db.prepare(`INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, json_set(?, '$.voterMinAge', 16), '2026-01-01T00:00:00')`).run(votingRulesSetting.key, JSON.stringify(voters.rules()))
    expect(voters.rules()).not.toHaveProperty('voterMinAge')
    expect(refusal(() => add({ idNumber: makeIdNumber('2010-01-01', '男'), name: '少年', category: 1 })).message).toContain('未满18周岁')
  })

  it('refuses a village without an election day, since age is counted on it', () => {
    const none = village('南山村', null)
    expect(refusal(() => add({ villageId: none, idNumber: makeIdNumber('1980-01-01', '男'), name: '甲', category: 1 })).message).toContain('村委会选举日期')
  })

  it('never registers one person in two villages, and names both', () => {
    const id = makeIdNumber('1970-07-07', '男')
    add({ idNumber: id, name: '刘强', category: 1 })
    const e = refusal(() => add({ villageId: west, idNumber: id, name: '刘强', category: 2 }))
    expect(e.code).toBe('conflict')
    expect(e.message).toBe(`刘强（${id}）已登记在“东山村”的选民名单中，不能再登记在“西山村”：同一选民只能在一处登记`)
  })

  it('refuses a name that does not match the person already known by the ID', () => {
    const id = makeIdNumber('1970-07-07', '男')
    add({ idNumber: id, name: '刘强', category: 1 })
    expect(refusal(() => add({ villageId: west, idNumber: id, name: '刘墙', category: 1 })).message).toContain('已登记为“刘强”')
  })

  it('refuses to register an ID already on the list and names that voter, leaving the record as it was', () => {
    const id = makeIdNumber('1966-02-03', '女')
    const first = add({ idNumber: id, name: '周桂兰', category: 2, groupName: '三组', address: '后山12号' })
    const e = refusal(() => add({ idNumber: id, name: '周桂兰', category: 1 }))
    expect(e.code).toBe('exists')
    expect(e.existing).toEqual({ kind: 'voter', id: first.id })
    expect(e.message).toContain('已登记为本村选民“周桂兰”')
    expect(voters.require(first.id)).toMatchObject({ category: 2, groupName: '三组', address: '后山12号' })
  })

  it('registers the deprived but keeps them off the count of voters', () => {
    const v = add({ idNumber: makeIdNumber('1970-07-07', '男'), name: '某甲', category: 1, deprived: true })
    expect(v).toMatchObject({ eligible: false, ineligibleReason: '依法被剥夺政治权利，不列入选民名单' })
    expect(voters.counts(east).total).toMatchObject({ registered: 1, eligible: 0, deprived: 1 })
  })

  it('writes the person and the voter in one transaction with one audit entry per registration', () => {
    add({ idNumber: makeIdNumber('1970-07-07', '男'), name: '刘强', category: 1 })
    const rows = store.db.prepare(`SELECT entity FROM audit_log WHERE entity = 'voter'`).all()
    expect(rows).toHaveLength(1)
  })
})

describe('counts per village, group, women and minority', () => {
  it('adds up the figures offices report', () => {
    add({ idNumber: makeIdNumber('1980-01-01', '男', 1), name: '甲', category: 1, groupName: '一组' })
    add({ idNumber: makeIdNumber('1981-01-01', '女', 2), name: '乙', category: 2, groupName: '一组', ethnicity: '畲族' })
    add({ idNumber: makeIdNumber('1982-01-01', '女', 3), name: '丙', category: 3, groupName: '二组', approvalDate: '2026-01-05', approvalMeeting: '村民代表会议' })
    add({ idNumber: makeIdNumber('1983-01-01', '男', 4), name: '丁', category: 1, groupName: '二组', ethnicity: '汉族', deprived: true })
    add({ villageId: west, idNumber: makeIdNumber('1984-01-01', '女', 5), name: '戊', category: 1 })
    const c = voters.counts()
    expect(c.total).toMatchObject({ registered: 5, eligible: 4, deprived: 1, women: 3, minority: 1, byCategory: [2, 1, 1] })
    expect(c.villages.map((v) => [v.villageName, v.eligible, v.women])).toEqual([
      ['东山村', 3, 2],
      ['西山村', 1, 1]
    ])
    expect(voters.counts(east).groups.map((g) => [g.groupName, g.registered, g.eligible])).toEqual([
      ['一组', 2, 2],
      ['二组', 2, 1]
    ])
  })

  it('counts someone who is no longer of age after the election day moved as not of age', () => {
    add({ idNumber: makeIdNumber('2008-01-15', '男'), name: '小王', category: 1 })
    store.db.prepare(`UPDATE villages SET committee_election_date = '2026-01-10' WHERE id = ?`).run(east)
    expect(voters.counts(east).total).toMatchObject({ registered: 1, eligible: 0, notOfAge: 1 })
    expect(voters.list({ villageId: east }).rows[0]).toMatchObject({ eligible: false, ageOnElectionDay: 17 })
  })
})

describe('the count agrees with the list on who is of age, leap days included', () => {
  it.each(['2028-02-29', '2026-02-28', '2026-03-01', '2027-12-31'])('election on %s', (day) => {
    const births = ['2008-02-28', '2008-02-29', '2008-03-01', '2009-12-31', '2010-02-28', '2010-03-01', '2009-12-30']
    store.db.prepare(`UPDATE villages SET committee_election_date = '2040-01-01' WHERE id = ?`).run(east)
    births.forEach((b, n) => add({ idNumber: makeIdNumber(b, '男', n), name: `选民${n}`, category: 1 }))
    store.db.prepare(`UPDATE villages SET committee_election_date = ? WHERE id = ?`).run(day, east)
    const listed = voters.list({ villageId: east }).rows.filter((r) => r.eligible).length
    expect(voters.counts(east).total.eligible).toBe(listed)
    expect(listed).toBe(births.filter((b) => ageOn(b, day) >= 18).length)
  })
})

describe('listing and searching', () => {
  it('finds by name, pinyin initials and ID prefix, a page at a time', () => {
    add({ idNumber: makeIdNumber('1980-01-01', '男', 1), name: '张三', category: 1, address: '东山路1号' })
    add({ idNumber: makeIdNumber('1981-01-01', '女', 2), name: '李四', category: 1, address: '西街2号' })
    expect(voters.list({ search: 'zs' }).rows.map((r) => r.name)).toEqual(['张三'])
    expect(voters.list({ search: '李' }).rows.map((r) => r.name)).toEqual(['李四'])
    expect(voters.list({ search: '33030219810101' }).rows.map((r) => r.name)).toEqual(['李四'])
    expect(voters.list({ villageId: east, pageSize: 1, page: 2 })).toMatchObject({ total: 2, rows: [{ name: '李四' }] })
  })

  it('streams the eligible list of one village for the 选民名单', () => {
    add({ idNumber: makeIdNumber('1980-01-01', '男', 1), name: '张三', category: 1, groupName: '二组' })
    add({ idNumber: makeIdNumber('1981-01-01', '女', 2), name: '李四', category: 1, groupName: '一组' })
    add({ idNumber: makeIdNumber('1982-01-01', '女', 3), name: '王五', category: 1, deprived: true })
    expect([...voters.iterate(east)].map((r) => r.name)).toEqual(['李四', '张三'])
    expect([...voters.iterate(east, false)]).toHaveLength(3)
  })

  it('lists the 村民小组 in counting order, 第2组 before 第10组, in the groups, the list and the posted list', () => {
    const groups = ['第10组', '第2组', '第12组', '第1组', '第11组']
    groups.forEach((g, i) => add({ idNumber: makeIdNumber('1980-01-01', '男', 40 + i), name: `组员${g}`, category: 1, groupName: g }))
    const counted = ['第1组', '第2组', '第10组', '第11组', '第12组']
    expect(voters.groups(east)).toEqual(counted)
    expect([...voters.iterate(east)].map((r) => r.groupName)).toEqual(counted)
    expect([...voters.listed(east)].map((r) => r.groupName)).toEqual(counted)
  })

  it('gives the posted list the same voters, order and printed fields as the full rows, across pages', () => {
    // More than one page of 2,000, with voters deprived of political rights mixed in.
    for (let i = 0; i < 2300; i++) {
      const birth = `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`
      add({ idNumber: makeIdNumber(birth, i % 2 ? '男' : '女', 100 + i), name: `选民${i}`, category: ((i % 2) + 1) as 1 | 2, groupName: `${(i % 7) + 1}组`, deprived: i % 211 === 0 })
    }
    const full = [...voters.iterate(east)].map((r) => ({
      villageName: r.villageName, groupName: r.groupName, name: r.name, sex: r.sex, birthDate: r.birthDate,
      ageOnElectionDay: r.ageOnElectionDay, category: r.category, note: r.note
    }))
    expect(full.length).toBeGreaterThan(2000)
    expect(full.length).toBeLessThan(2300)
    expect([...voters.listed(east)]).toEqual(full)
  })
})

describe('publication, changes and objections', () => {
  it('deletes freely before publication and keeps a change list afterwards', () => {
    const a = add({ idNumber: makeIdNumber('1980-01-01', '男', 1), name: '张三', category: 1 })
    const b = add({ idNumber: makeIdNumber('1981-01-01', '女', 2), name: '李四', category: 1 })
    expect(voters.remove(a.id, '登记错误', '2026-02-01')).toEqual({ id: a.id, kept: false })
    const pub = voters.publish(east, '2026-02-10', '')
    expect(pub).toMatchObject({ voterCount: 1, check: { ok: false } })
    expect(pub.check.reason).toContain('少于规定的20天')
    expect(voters.remove(b.id, '迁出本村', '2026-02-12').kept).toBe(true)
    const c = add({ idNumber: makeIdNumber('1982-01-01', '男', 3), name: '王五', category: 2 })
    voters.update(c.id, voterInput.parse({ villageId: east, idNumber: c.idNumber, name: '王五', category: 1 }))
    expect(voters.changes(east).map((x) => [x.name, x.kind])).toEqual([
      ['李四', '除名'],
      ['王五', '补登'],
      ['王五', '更正']
    ])
    expect(voters.list({ villageId: east, status: '已除名' }).rows).toMatchObject([{ name: '李四', removedReason: '迁出本村' }])
    // A removed voter may register again elsewhere.
    expect(voters.create(voterInput.parse({ villageId: west, idNumber: b.idNumber, name: '李四', category: 1 })).villageName).toBe('西山村')
  })

  it('flags late objections and late answers against the settings', () => {
    add({ idNumber: makeIdNumber('1980-01-01', '男', 1), name: '张三', category: 1 })
    voters.publish(east, '2026-02-09', '')
    const o = voters.addObjection({ villageId: east, objector: '赵六', subject: '漏登本人', filedOn: '2026-02-15' })
    expect(o.timing.filedLate).toBe(true)
    const answered = voters.answerObjection({ id: o.id, answeredOn: '2026-02-19', answer: '经核实予以补登' })
    expect(answered.timing).toMatchObject({ answerLate: true, overdue: false })
    expect(answered.timing.notes).toEqual([
      '申诉于2026-02-15提出，超过公布后5日的期限（2026-02-14）',
      '于2026-02-19答复，超过申诉后3日的期限（2026-02-18）'
    ])
  })
})

describe('proxies', () => {
  it('allows at most the set number per holder, in writing, within the village', () => {
    const holder = add({ idNumber: makeIdNumber('1970-01-01', '男', 0), name: '受托人', category: 1 })
    const principals = [1, 2, 3, 4].map((n) => add({ idNumber: makeIdNumber('1980-01-01', '女', n), name: `委托人${n}`, category: 1 }))
    for (const p of principals.slice(0, 3)) voters.addProxy({ principalId: p.id, holderId: holder.id, relation: '配偶', written: true, signedOn: null })
    const e = refusal(() => voters.addProxy({ principalId: principals[3].id, holderId: holder.id, relation: '子女', written: true, signedOn: null }))
    expect(e.message).toBe('每名受托人接受委托不得超过3人，该受托人已接受3人委托')
    expect(refusal(() => voters.addProxy({ principalId: principals[3].id, holderId: principals[0].id, relation: '子女', written: true, signedOn: null })).message).toBe(
      '受托人本人已委托他人投票，不能再接受委托'
    )
    const other = add({ villageId: west, idNumber: makeIdNumber('1975-01-01', '男', 9), name: '外村人', category: 1 })
    expect(refusal(() => voters.addProxy({ principalId: principals[3].id, holderId: other.id, relation: '兄弟', written: true, signedOn: null })).message).toBe(
      '委托人与受托人应为同一村的选民'
    )
    expect(voters.proxies(east).map((p) => p.holderCount)).toEqual([3, 3, 3])
    expect(refusal(() => voters.remove(holder.id, '迁出', '2026-02-01')).code).toBe('in_use')
  })
})

describe('the batch writer for importers', () => {
  it('adds many voters inside one outer transaction with one audit entry', () => {
    const before = store.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number
    store.write((audit) => {
      const w = voters.writer()
      for (let i = 0; i < 200; i++) {
        w.upsert(voterInput.parse({ villageId: i % 2 ? east : west, idNumber: makeIdNumber('1980-01-01', i % 3 ? '男' : '女', i), name: `选民${i}`, category: 1 }))
      }
      audit({ action: 'import', entity: 'voter', summary: '导入选民200人' })
    })
    expect(store.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before + 1)
    expect(voters.counts().total.eligible).toBe(200)
  })

  it('leaves nothing behind when the outer transaction fails', () => {
    expect(() =>
      store.write(() => {
        const w = voters.writer()
        w.upsert(voterInput.parse({ villageId: east, idNumber: makeIdNumber('1980-01-01', '男', 1), name: '甲', category: 1 }))
        w.upsert(voterInput.parse({ villageId: west, idNumber: makeIdNumber('1980-01-01', '男', 1), name: '甲', category: 1 }))
      })
    ).toThrow('同一选民只能在一处登记')
    expect(store.db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(0)
  })
})
