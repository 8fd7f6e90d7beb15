import { z } from 'zod'
import { checkStage, REPLY_VERDICTS, stageFields } from './candidate'
import { isIsoDate } from './dates'

/** Inputs of vetting by the batch: one step, one date, for many candidates at once. */

const candidateIds = z
  .array(z.number().int().positive(), { error: '请选择人选' })
  .min(1, '请至少选择一名人选')
  .max(5000, '一次最多 5000 名人选')
  .refine((ids) => new Set(ids).size === ids.length, '所选人选有重复')

const isoDate = (label: string) => z.string({ error: `请填写${label}` }).refine(isIsoDate, `${label}格式应为 YYYY-MM-DD`)
const department = z.string({ error: '请选择部门' }).trim().min(1, '请选择部门').max(50)

export const batchStageInput = z.object({ candidateIds, ...stageFields }).superRefine(checkStage)
export type BatchStageInput = z.input<typeof batchStageInput>

export const batchSendInput = z.object({ candidateIds, sentOn: isoDate('送审日期') })
export type BatchSendInput = z.input<typeof batchSendInput>

export const departmentInput = z.object({ department })

/** One department's reply as one sheet: every candidate it was sent, each 通过 or 不通过 with a reason, one date. */
export const departmentSheetInput = z
  .object({
    department,
    decidedOn: isoDate('反馈日期'),
    rows: z
      .array(
        z.object({
          candidateId: z.number().int().positive(),
          verdict: z.enum(REPLY_VERDICTS, { error: '结论应为通过或不通过' }),
          reason: z.string().trim().max(1000, '理由不能超过1000个字').default('')
        })
      )
      .min(1, '该部门没有送审的人选')
  })
  .superRefine((v, ctx) => {
    v.rows.forEach((r, i) => {
      if (r.verdict === '不通过' && r.reason === '') ctx.addIssue({ code: 'custom', path: ['rows', i, 'reason'], message: '不通过时请写明理由' })
    })
  })
export type DepartmentSheetInput = z.input<typeof departmentSheetInput>
export type DepartmentSheetData = z.output<typeof departmentSheetInput>

/** One candidate a department was sent, as its sheet and its 回执 show them. */
export interface DepartmentSheetRow {
  candidateId: number
  villageId: number
  villageName: string
  name: string
  idNumber: string | null
  verdict: '通过' | '不通过' | '待反馈'
  reason: string
  sentOn: string
  decidedOn: string | null
}

export interface DepartmentSheet {
  department: string
  today: string
  /** The latest 送审 date among the rows: a reply dated before it is refused. */
  latestSentOn: string | null
  rows: DepartmentSheetRow[]
}

/** Why a batch changed nothing: each candidate that cannot take the step and why. */
export interface BatchRefusal {
  candidateId: number
  label: string
  reason: string
}
