import { z } from 'zod'
import { isIsoDate } from './dates'
import type { StepStatus } from './plan-schedule'
import type { VillageGrade } from './village'

/** API inputs and views of the per-village plan (倒排工期) and the township timeline (选务作战图). */
const date = (what: string) => z.string({ error: `请选择${what}` }).refine(isIsoDate, `${what}格式应为 YYYY-MM-DD`)
const stepRef = {
  villageId: z.number({ error: '缺少村社' }).int().positive(),
  stepKey: z.string().min(1).max(40)
}

export const tickInput = z.object({ ...stepRef, doneOn: date('完成日期'), note: z.string().trim().max(500).default('') })
export const untickInput = z.object({ ...stepRef, reason: z.string().trim().min(1, '请说明撤销原因').max(500) })
export const plannedDateInput = z.object({ ...stepRef, plannedOn: date('计划日期').nullable() })

export const TICK_LABELS = { doneOn: '完成日期', note: '说明' }
export const UNTICK_LABELS = { reason: '撤销原因' }
export const PLANNED_DATE_LABELS = { plannedOn: '计划日期' }

export interface VillagePlan {
  village: { id: number; name: string; grade: VillageGrade; partyElectionDate: string | null; committeeElectionDate: string | null }
  steps: StepStatus[]
  /** Problems with the election dates themselves. */
  problems: string[]
  lateCount: number
  breachCount: number
}

/** A step's name without its bracketed details, short enough for a column head: "前期准备". */
export const shortStepName = (name: string): string => name.replace(/（.*）/, '')

export interface TimelineCell {
  start: string | null
  end: string | null
  state: StepStatus['state']
  doneOn: string | null
  breach: boolean
  /** Today falls inside the planned days of this step. */
  today: boolean
}

export interface Timeline {
  today: string
  steps: { key: string; name: string; side: string; legal: string }[]
  rows: (Omit<VillagePlan, 'steps'> & { cells: Record<string, TimelineCell> })[]
}
