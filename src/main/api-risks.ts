import { z } from 'zod'
import { todayIso } from '../shared/dates'
import { plannedDateInput, tickInput, untickInput } from '../shared/plan'
import {
  RISK_LABELS,
  assessmentInput,
  emergencyPlanInput,
  gradeInput,
  keyPersonInput,
  riskItemInput,
  statusChangeInput,
  talkInput,
  villageRef,
  workRecordInput
} from '../shared/risk'
import { RISK_STATUSES } from '../shared/risk-rules'
import { idInput, method, query } from './api-method'
import { PersonService } from './core/persons'
import { RiskBoardService } from './core/risk-board'
import type { Store } from './core/store'
import type { VillageRecordTable } from './core/village-records'

const withId = <S extends z.ZodType>(data: S) => z.object({ id: z.number().int().positive(), data })
const dataLabels = Object.fromEntries(Object.entries(RISK_LABELS).map(([k, v]) => [`data.${k}`, v]))
const labels = { ...RISK_LABELS, ...dataLabels }

/** create/update/remove/list of one per-village record table, with the same shape for each. */
function recordMethods<S extends z.ZodType<{ villageId: number }>, R extends z.output<S> & { id: number }>(
  table: VillageRecordTable<z.output<S>, R>,
  schema: S
) {
  return {
    list: method(villageRef, ({ villageId }) => table.list(villageId)),
    create: method(schema, (d) => table.create(d), labels),
    update: method(withId(schema), (input) => {
      const { id, data } = input as { id: number; data: z.output<S> }
      return table.update(id, data)
    }, labels),
    remove: method(idInput, ({ id }) => table.remove(id))
  }
}

/** 风险档案: grades, risk items with key persons and talks, 应急预案, work records, 选情评估, the township view. */
export function riskApi(store: Store) {
  const board = new RiskBoardService(store)
  const persons = new PersonService(store)
  const today = () => todayIso()
  return {
    township: query(() => board.township(today())),
    villageFile: method(villageRef, ({ villageId }) => board.villageFile(villageId, today())),
    setGrade: method(gradeInput, (g) => board.grades.setGrade(g), labels),
    list: method(
      z.object({ villageId: z.number().int().positive().nullable().default(null), status: z.enum(RISK_STATUSES).nullable().default(null) }).default({ villageId: null, status: null }),
      (f) => board.risks.list(f, today())
    ),
    get: method(idInput, ({ id }) => board.risks.detail(id, today())),
    create: method(riskItemInput, (d) => board.risks.create(d), labels),
    update: method(withId(riskItemInput), ({ id, data }) => board.risks.update(id, data), labels),
    changeStatus: method(statusChangeInput, (c) => board.risks.changeStatus(c, today()), labels),
    addKeyPerson: method(keyPersonInput, (k) => board.risks.addKeyPerson(k), labels),
    removeKeyPerson: method(idInput, ({ id }) => board.risks.removeKeyPerson(id)),
    addTalk: method(talkInput, (t) => board.risks.addTalk(t, today()), labels),
    removeTalk: method(idInput, ({ id }) => board.risks.removeTalk(id)),
    /** The persons register, searched by name, pinyin or ID number, to pick key persons from. */
    searchPersons: method(
      z.object({ search: z.string().trim().max(50).default(''), villageId: z.number().int().positive().nullable().default(null) }),
      (q) => persons.list({ search: q.search, villageId: q.villageId, limit: 30 })
    ),
    emergencyPlans: recordMethods(board.emergencyPlans, emergencyPlanInput),
    workRecords: recordMethods(board.workRecords, workRecordInput),
    assessments: recordMethods(board.assessments, assessmentInput),
    settings: query(() => board.riskSettings()),
    saveSettings: method(
      z.object({ riskTypes: z.array(z.string()), talkIntervalDays: z.number() }),
      (s) => board.saveRiskSettings(s)
    ),
    ledgerRows: query(() => board.ledgerRows(today())),
    focusVillageRows: query(() => board.focusVillageRows(today()))
  }
}

/** 倒排工期 per village and the township timeline (选务作战图). */
export function planApi(store: Store) {
  const board = new RiskBoardService(store)
  const plans = board.plans
  const today = () => todayIso()
  return {
    template: query(() => plans.template()),
    saveTemplate: method(z.object({ steps: z.array(z.unknown()) }), ({ steps }) => plans.saveTemplate(steps)),
    resetTemplate: query(() => plans.resetTemplate()),
    village: method(villageRef, ({ villageId }) => plans.villagePlan(villageId, today())),
    tick: method(tickInput, (t) => plans.tick(t, today()), { doneOn: '完成日期', note: '说明' }),
    untick: method(untickInput, (t) => plans.untick(t, today()), { reason: '撤销原因' }),
    setPlannedDate: method(plannedDateInput, (p) => plans.setPlannedDate(p, today()), { plannedOn: '计划日期' }),
    timeline: query(() => plans.timeline(today()))
  }
}
