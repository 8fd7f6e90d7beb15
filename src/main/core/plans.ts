import type { z } from 'zod'
import type { PlanStepTemplate } from '../../shared/plan-schedule'
import { dateProblem, evaluatePlan, legalLimitText, schedulePlan, tickProblem, untickProblem, voteDateProblems, type StepTick } from '../../shared/plan-schedule'
import type { Timeline, VillagePlan, plannedDateInput, tickInput, untickInput } from '../../shared/plan'
import { failure } from '../../shared/result'
import type { Clock } from './clock'
import { planTemplateSetting } from '../../shared/settings'
import type { SettingsService } from './settings'
import type { Store } from './store'
import type { VillageService } from './villages'

/**
 * The round's plan per village: the template from the settings, laid out backwards from the village's election
 * dates, with the clerk's ticks and hand-set dates from village_plan_steps.
 */
export class PlanService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly villages: VillageService
  ) {}

  template(): PlanStepTemplate[] {
    return this.settings.get(planTemplateSetting)
  }

  saveTemplate(steps: unknown): PlanStepTemplate[] {
    return this.settings.set(planTemplateSetting, steps)
  }

  resetTemplate(): PlanStepTemplate[] {
    return this.settings.reset(planTemplateSetting)
  }

  villagePlan(villageId: number, template = this.template()): VillagePlan {
    const today = this.clock.today()
    const v = this.villages.require(villageId)
    const ticks = this.ticks(villageId)
    const overrides = Object.fromEntries(ticks.filter((t) => t.plannedOn).map((t) => [t.stepKey, t.plannedOn!]))
    const steps = evaluatePlan(schedulePlan(template, v, overrides), ticks, today)
    return {
      village: { id: v.id, name: v.name, grade: v.grade, partyElectionDate: v.partyElectionDate, committeeElectionDate: v.committeeElectionDate },
      steps,
      problems: voteDateProblems(v),
      lateCount: steps.filter((s) => s.state === '已逾期').length,
      breachCount: steps.filter((s) => s.problems.some((p) => p.level === 'breach')).length
    }
  }

  tick(input: z.output<typeof tickInput>): VillagePlan {
    const today = this.clock.today()
    return this.store.write((audit) => {
      const plan = this.villagePlan(input.villageId)
      const problem = tickProblem(plan.steps, input.stepKey, input.doneOn, today)
      if (problem) throw failure('validation', problem, { doneOn: problem })
      const step = plan.steps.find((s) => s.key === input.stepKey)!
      this.upsert(input.villageId, input.stepKey, { done_on: input.doneOn, note: input.note, done_by: this.store.actor })
      const warning = dateProblem(step, input.doneOn)
      audit({
        action: 'update',
        entity: 'plan_step',
        entityId: `${input.villageId}:${input.stepKey}`,
        summary: `${plan.village.name}：“${step.name}”完成于 ${input.doneOn}${warning ? `（${warning}）` : ''}`,
        before: { doneOn: null },
        after: { doneOn: input.doneOn, note: input.note }
      })
      return this.villagePlan(input.villageId)
    })
  }

  untick(input: z.output<typeof untickInput>): VillagePlan {
    return this.store.write((audit) => {
      const plan = this.villagePlan(input.villageId)
      const problem = untickProblem(plan.steps, input.stepKey)
      if (problem) throw failure('validation', problem)
      const step = plan.steps.find((s) => s.key === input.stepKey)!
      this.upsert(input.villageId, input.stepKey, { done_on: null, note: '', done_by: '' })
      audit({
        action: 'update',
        entity: 'plan_step',
        entityId: `${input.villageId}:${input.stepKey}`,
        summary: `${plan.village.name}：撤销“${step.name}”的完成登记（${input.reason}）`,
        before: { doneOn: step.doneOn, note: step.note },
        after: { doneOn: null, reason: input.reason }
      })
      return this.villagePlan(input.villageId)
    })
  }

  setPlannedDate(input: z.output<typeof plannedDateInput>): VillagePlan {
    return this.store.write((audit) => {
      const plan = this.villagePlan(input.villageId)
      const step = plan.steps.find((s) => s.key === input.stepKey)
      if (!step) throw failure('validation', '该步骤不在当前工作计划中')
      if (step.start === null) throw failure('validation', `请先在村社台账中填写${step.side === '党组织' ? '党组织换届日期' : '村(居)委会选举日期'}`)
      const before = step.overridden ? step.end : null
      this.upsert(input.villageId, input.stepKey, { planned_on: input.plannedOn })
      const after = this.villagePlan(input.villageId)
      const warning = input.plannedOn ? dateProblem(step, input.plannedOn) : null
      audit({
        action: 'update',
        entity: 'plan_step',
        entityId: `${input.villageId}:${input.stepKey}`,
        summary: `${plan.village.name}：“${step.name}”计划日期${input.plannedOn ? `改为 ${input.plannedOn}` : '恢复为倒排日期'}${warning ? `（${warning}）` : ''}`,
        before: { plannedOn: before },
        after: { plannedOn: input.plannedOn }
      })
      return after
    })
  }

  /** 选务作战图: every village × every step of the template, as of today. */
  timeline(): Timeline {
    const today = this.clock.today()
    const template = this.template()
    const rows = this.villages.list().map((v) => {
      const { steps, ...rest } = this.villagePlan(v.id, template)
      const cells = Object.fromEntries(
        steps.map((s) => [
          s.key,
          {
            start: s.start,
            end: s.end,
            state: s.state,
            doneOn: s.doneOn,
            breach: s.problems.some((p) => p.level === 'breach'),
            today: s.doneOn === null && s.start !== null && s.start <= today && today <= s.end!
          }
        ])
      )
      return { ...rest, cells }
    })
    return { today, steps: template.map((s) => ({ key: s.key, name: s.name, side: s.side, legal: legalLimitText(s) })), rows }
  }

  private ticks(villageId: number): StepTick[] {
    return this.store.all<StepTick>(
      `SELECT step_key AS stepKey, done_on AS doneOn, planned_on AS plannedOn, note, done_by AS doneBy
       FROM village_plan_steps WHERE village_id = ?`,
      villageId
    )
  }

  private upsert(villageId: number, stepKey: string, fields: Partial<Record<'done_on' | 'planned_on' | 'note' | 'done_by', string | null>>): void {
    const cols = Object.keys(fields)
    this.store.run(
      `INSERT INTO village_plan_steps (village_id, step_key, ${cols.join(', ')}, updated_at) VALUES (?, ?, ${cols.map(() => '?').join(', ')}, ?)
       ON CONFLICT (village_id, step_key) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = excluded.updated_at`,
      villageId,
      stepKey,
      ...Object.values(fields),
      this.clock.now()
    )
  }
}
