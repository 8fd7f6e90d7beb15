import { villageRef } from '../../shared/inputs'
import { PLANNED_DATE_LABELS, TICK_LABELS, UNTICK_LABELS, plannedDateInput, tickInput, untickInput } from '../../shared/plan'
import { planTemplateInput } from '../../shared/settings'
import type { Services } from '../core/services'
import { method, query } from './method'

/** 倒排工期 per village and the township timeline (选务作战图). */
export const plansApi = ({ plans }: Services) => ({
  template: query(() => plans.template()),
  saveTemplate: method(planTemplateInput, ({ steps }) => plans.saveTemplate(steps)),
  resetTemplate: query(() => plans.resetTemplate()),
  village: method(villageRef, ({ villageId }) => plans.villagePlan(villageId)),
  tick: method(tickInput, (t) => plans.tick(t), TICK_LABELS),
  untick: method(untickInput, (t) => plans.untick(t), UNTICK_LABELS),
  setPlannedDate: method(plannedDateInput, (p) => plans.setPlannedDate(p), PLANNED_DATE_LABELS),
  timeline: query(() => plans.timeline())
})
