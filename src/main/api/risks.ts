import type { z } from 'zod'
import { idInput, prefixed, villageRef, withId } from '../../shared/inputs'
import {
  RISK_LABELS,
  assessmentInput,
  emergencyPlanInput,
  gradeInput,
  personSearchInput,
  workRecordInput
} from '../../shared/risk'
import { RISK_SETTINGS_LABELS, riskSettingsInput } from '../../shared/settings'
import type { Services } from '../core/services'
import type { VillageRecordTable } from '../core/village-records'
import { method, query } from './method'
import { itemMethods } from './risk-items'

const labels = { ...RISK_LABELS, ...prefixed('data', RISK_LABELS) }

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
export const risksApi = ({ riskBoard: board, risks, grades, persons }: Services) => ({
  township: query(() => board.township()),
  villageFile: method(villageRef, ({ villageId }) => board.villageFile(villageId)),
  setGrade: method(gradeInput, (g) => grades.setGrade(g), labels),
  ...itemMethods(risks, labels),
  /** The persons register, searched by name, pinyin or ID number, to pick key persons from. */
  searchPersons: method(personSearchInput, (q) => persons.list({ search: q.search, villageId: q.villageId, limit: 30 })),
  emergencyPlans: recordMethods(board.emergencyPlans, emergencyPlanInput),
  workRecords: recordMethods(board.workRecords, workRecordInput),
  assessments: recordMethods(board.assessments, assessmentInput),
  settings: query(() => board.riskSettings()),
  saveSettings: method(riskSettingsInput, (s) => board.saveRiskSettings(s), RISK_SETTINGS_LABELS)
})
