import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildApi } from '../api'
import { MIGRATIONS } from './migrations'
import { RiskBoardService } from './risk-board'
import { fixedClock, type FixedClock } from './clock'
import { Store } from './store'
import { testServices } from './test-support'

let dir: string
let store: Store
let board: RiskBoardService
let villageId: number
let clock: FixedClock

const item = (over: Partial<Parameters<RiskBoardService['risks']['create']>[0]> = {}) =>
  board.risks.create({
    villageId,
    type: '宗族派性',
    description: '两大姓氏争夺村委会主任',
    source: '走访',
    measures: '包村领导逐户谈心',
    responsibleLeader: '王镇长',
    responsibleCadre: '李干事',
    deadline: '2026-03-20',
    foundOn: '2026-03-01',
    ...over
  })

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-risks-'))
  store = Store.fileStore(path.join(dir, 'office.db'), { actor: '张文书' })
  clock = fixedClock('2026-03-10')
  board = testServices(store, clock).riskBoard
  const villages = testServices(store).villages
  villageId = villages.create({
    name: '龙山村', kind: '村', township: '', divisionCode: null, households: 300, population: 1200, partyMembers: 40, partySeats: 5,
    committeeSeats: 5, grade: '一般村', leader: '王镇长', residentCadre: '李干事', firstSecretary: '', partyElectionDate: '2026-03-10',
    committeeElectionDate: '2026-04-20', note: ''
  }).id
})

afterEach(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('migration 5', () => {
  it('applies on top of a version-2 register and keeps its rows', () => {
    const file = path.join(dir, 'old.db')
    const old = Store.fileStore(file, { targetVersion: 2 })
    testServices(old).villages.create({ ...testServices(store).villages.require(villageId), name: '旧村' })
    old.close()
    const reopened = Store.fileStore(file)
    expect(reopened.version).toBe(MIGRATIONS[MIGRATIONS.length - 1].version)
    expect(testServices(reopened).villages.list().map((v) => v.name)).toEqual(['旧村'])
    expect(reopened.backupBeforeMigration).not.toBeNull()
    reopened.close()
  })
})

describe('grades', () => {
  it('sets the grade through the village register and keeps reason, who and when', () => {
    board.grades.setGrade({ villageId, grade: '重难点村', reason: '宗族矛盾突出' })
    board.grades.setGrade({ villageId, grade: '平稳村', reason: '矛盾已化解' })
    expect(testServices(store).villages.require(villageId).grade).toBe('平稳村')
    const h = board.grades.history(villageId)
    expect(h.map((c) => [c.previousGrade, c.grade, c.reason, c.setBy])).toEqual([
      ['重难点村', '平稳村', '矛盾已化解', '张文书'],
      ['一般村', '重难点村', '宗族矛盾突出', '张文书']
    ])
    const audit = testServices(store).audit.list({ entity: 'village', entityId: villageId })
    expect(audit[0].summary).toBe('“龙山村”分级：重难点村 → 平稳村（理由：矛盾已化解）')
    expect(audit[0].before).toEqual({ grade: '重难点村' })
  })
})

describe('risk items', () => {
  it('moves through the statuses, closes with evidence and reopens with the history kept', () => {
    const r = item()
    expect(r.status).toBe('未化解')
    board.risks.changeStatus({ id: r.id, to: '化解中', on: '2026-03-05', evidence: '', by: '', note: '' })
    expect(() => board.risks.changeStatus({ id: r.id, to: '未化解', on: '2026-03-06', evidence: '', by: '', note: '' })).toThrow('不能退回')
    expect(() => board.risks.changeStatus({ id: r.id, to: '已化解', on: '2026-03-11', evidence: '协议', by: '李干事', note: '' })).toThrow('不能晚于今天')
    const closed = board.risks.changeStatus({ id: r.id, to: '已化解', on: '2026-03-08', evidence: '双方签订调解协议', by: '李干事', note: '' })
    expect(closed).toMatchObject({ status: '已化解', closedOn: '2026-03-08', closedEvidence: '双方签订调解协议', closedBy: '李干事' })
    expect(() => board.risks.changeStatus({ id: r.id, to: '化解中', on: '2026-03-09', evidence: '', by: '', note: '' })).toThrow('说明原因')
    const reopened = board.risks.changeStatus({ id: r.id, to: '化解中', on: '2026-03-09', evidence: '', by: '', note: '一方反悔' })
    expect(reopened).toMatchObject({ status: '化解中', closedOn: null, closedEvidence: '' })
    const events = board.risks.detail(r.id).events
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.on])).toEqual([
      [null, '未化解', '2026-03-01'],
      ['未化解', '化解中', '2026-03-05'],
      ['化解中', '已化解', '2026-03-08'],
      ['已化解', '化解中', '2026-03-09']
    ])
    expect(events[2]).toMatchObject({ evidence: '双方签订调解协议', by: '李干事', actor: '张文书' })
    const audit = testServices(store).audit.list({ entity: 'risk_item', entityId: r.id }).map((a) => a.summary)
    expect(audit).toEqual([
      '风险事项重新打开：龙山村·宗族派性（一方反悔）',
      '风险事项销号：龙山村·宗族派性',
      '风险事项改为“化解中”：龙山村·宗族派性',
      '登记风险事项：龙山村·宗族派性'
    ])
  })

  it('takes key persons from the register or adds them to it, and records talks with them', () => {
    const r = item()
    const existing = board.risks.addKeyPerson({ riskItemId: r.id, personId: null, newPerson: { idNumber: null, name: '赵大', sex: '男', birthDate: null, ethnicity: '', villageId: null, phone: '' }, role: '赵姓族长' })
    expect(existing.name).toBe('赵大')
    const person = store.db.prepare('SELECT village_id FROM persons WHERE id = ?').get(existing.personId) as { village_id: number }
    expect(person.village_id).toBe(villageId)
    const second = board.risks.addKeyPerson({ riskItemId: r.id, personId: null, newPerson: { idNumber: null, name: '钱二', sex: null, birthDate: null, ethnicity: '', villageId: null, phone: '' }, role: '' })
    expect(() => board.risks.addKeyPerson({ riskItemId: r.id, personId: second.personId, newPerson: null, role: '' })).toThrow('已是该事项的重点人员')
    board.risks.addTalk({ riskItemId: r.id, personId: existing.personId, kind: '警示谈话', talkedOn: '2026-03-02', talkedBy: '王镇长', summary: '讲明纪律' })
    expect(() => board.risks.addTalk({ riskItemId: r.id, personId: 99999, kind: '谈心谈话', talkedOn: '2026-03-02', talkedBy: '王镇长', summary: 'x' })).toThrow('重点人员')
    const d = board.risks.detail(r.id)
    expect(d.keyPersons.map((k) => [k.name, k.lastTalkOn])).toEqual([['赵大', '2026-03-02'], ['钱二', null]])
    expect(board.risks.list({})[0].keyPersonNames).toBe('赵大、钱二')
    expect(() => testServices(store).villages.remove(villageId)).toThrow('风险事项 1 条')
  })

  it('shows the township what is late and unattended, and the count drops on 销号', () => {
    board.grades.setGrade({ villageId, grade: '重难点村', reason: '宗族矛盾' })
    const late = item({ deadline: '2026-03-05' })
    item({ type: '信访矛盾', deadline: '2026-04-30', foundOn: '2026-03-03' })
    const k = board.risks.addKeyPerson({ riskItemId: late.id, personId: null, newPerson: { idNumber: null, name: '赵大', sex: null, birthDate: null, ethnicity: '', villageId: null, phone: '' }, role: '' })
    board.risks.addTalk({ riskItemId: late.id, personId: k.personId, kind: '谈心谈话', talkedOn: '2026-03-02', talkedBy: '王镇长', summary: '了解诉求' })
    board.workRecords.create({ villageId, kind: '走访', doneOn: '2026-03-03', doneBy: '李干事', withWhom: '三组', households: 25, people: 0, notes: '' })
    board.workRecords.create({ villageId, kind: '谈话', doneOn: '2026-03-04', doneBy: '李干事', withWhom: '党员', households: 0, people: 6, notes: '' })

    const t = board.township()
    expect(t.totals).toMatchObject({ focusVillages: 1, open: 2, overdue: 1, unattended: 0 })
    expect(t.villages[0]).toMatchObject({ grade: '重难点村', open: 2, overdue: 1 })
    expect(t.work).toEqual({ households: 25, talks: 7, visitRecords: 2, keyPersonTalks: 1 })
    // 30 days after the last talk nobody has talked with 赵大 again.
    clock.set('2026-04-02')
    expect(board.township().totals.unattended).toBe(1)
    clock.set('2026-03-10')
    expect(t.trend.at(-1)).toEqual({ date: '2026-03-10', open: 2 })

    board.risks.changeStatus({ id: late.id, to: '已化解', on: '2026-03-10', evidence: '调解书', by: '李干事', note: '' })
    const after = board.township()
    expect(after.totals).toMatchObject({ open: 1, overdue: 0, closed: 1 })
    expect(after.trend.at(-1)).toEqual({ date: '2026-03-10', open: 1 })

    const ledger = board.ledgerRows()
    expect(ledger.map((l) => [l.风险类型, l.状态, l.销号日期, l.重点人员])).toEqual([
      ['信访矛盾', '未化解', '', ''],
      ['宗族派性', '已化解', '2026-03-10', '赵大']
    ])
    expect(board.focusVillageRows()).toEqual([
      expect.objectContaining({ 村社: '龙山村', 定级理由: '宗族矛盾', 未化解事项: 1, 逾期事项: 0, 风险类型: '信访矛盾', 走访户数: 25, 谈话人次: 7 })
    ])
  })
})

describe('per-village records', () => {
  it('keeps 应急预案 and the 选情评估 history with every change audited', () => {
    const p = board.emergencyPlans.create({ villageId, scenario: '落选人员煽动闹事', response: '派出所到场维持秩序', personInCharge: '王镇长', contact: '13800000000' })
    board.emergencyPlans.update(p.id, { ...p, response: '派出所与综治办到场' })
    board.assessments.create({ villageId, assessedOn: '2026-03-01', candidate: '孙三', post: '书记', partySupport: 70, publicSupport: 55, assessedBy: '', note: '' })
    board.assessments.create({ villageId, assessedOn: '2026-03-08', candidate: '孙三', post: '书记', partySupport: 80, publicSupport: 62.5, assessedBy: '', note: '' })
    const file = board.villageFile(villageId)
    expect(file.emergencyPlans[0].response).toBe('派出所与综治办到场')
    expect(file.assessments.map((a) => [a.assessedOn, a.publicSupport])).toEqual([['2026-03-08', 62.5], ['2026-03-01', 55]])
    board.emergencyPlans.remove(p.id)
    const summaries = testServices(store).audit.list({ entity: 'emergency_plan' }).map((a) => a.action)
    expect(summaries).toEqual(['delete', 'update', 'create'])
  })
})

describe('plan through the service', () => {
  it('ticks in order, records who and when, and audits it', () => {
    clock.set('2026-03-18')
    const first = board.plans.tick({ villageId, stepKey: 'c-prep', doneOn: '2026-03-16', note: '已召开联席会议' })
    expect(first.steps.find((s) => s.key === 'c-prep')).toMatchObject({ state: '已完成', doneBy: '张文书' })
    expect(() => board.plans.tick({ villageId, stepKey: 'c-voterlist', doneOn: '2026-03-17', note: '' })).toThrow('须先完成前置步骤“选民登记”')
    expect(() => board.plans.untick({ villageId, stepKey: 'c-register', reason: '误点' })).toThrow('尚未完成')
    const moved = board.plans.setPlannedDate({ villageId, stepKey: 'c-voterlist', plannedOn: '2026-04-05' })
    expect(moved.steps.find((s) => s.key === 'c-voterlist')!.problems[0].message).toContain('晚于法定最迟日期 2026-03-31')
    const audit = testServices(store).audit.list({ entity: 'plan_step' }).map((a) => a.summary)
    expect(audit[0]).toContain('计划日期改为 2026-04-05（2026-04-05 晚于法定最迟日期 2026-03-31')
    expect(audit[1]).toBe('龙山村：“前期准备（联席会议、推选选举委员会、发布公告）”完成于 2026-03-16')
    // The steps before a hand-set date are laid out backwards from it.
    clock.set('2026-04-01')
    const timeline = board.plans.timeline()
    expect(timeline.rows[0].cells['c-register']).toMatchObject({ start: '2026-03-31', end: '2026-04-04', state: '进行中', today: true })
    expect(timeline.rows[0].cells['p-vote']).toMatchObject({ state: '已逾期', today: false })
    expect(timeline.rows[0].cells['c-voterlist']).toMatchObject({ end: '2026-04-05', breach: true })
  })

  it('answers through the API with failures as values', async () => {
    const api = buildApi(store)
    const r = await api.risks.changeStatus({ id: 1, to: '已化解', on: '2026-03-01' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.fields).toMatchObject({ evidence: '销号须填写化解依据', by: '销号须填写销号人' })
    const bad = await api.plans.saveTemplate({ steps: [{ key: 'x', name: '只有一步', side: '村委会', durationDays: 1, after: null }] })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.message).toContain('选举日')
  })
})
