import { KIND_DEFS } from '../../../shared/import'
import { nameMismatch } from '../../../shared/person'
import { AppFailure } from '../../../shared/result'
import type { BuildContext, FieldProblem, ImportRegisters, KindAdapter, Planned, Values } from './adapter'

export interface ReplyRecord {
  idNumber: string
  name: string
  /** The row's 所在村社, checked against the candidate's village when the file has the column. */
  village: string | null
  department: string
  verdict: '通过' | '不通过'
  reason: string
  /** The file's one 反馈日期. */
  decidedOn: string
}

interface ReplyPlan extends Planned {
  candidateId: number | null
}

interface Sent {
  candidateId: number
  name: string
  villageName: string
  verdictId: number | null
  verdict: string | null
  reason: string | null
  decidedOn: string | null
}

/**
 * 联审回执: one department's answer for every candidate it was sent, as the department filled the sheet it got
 * (审查结果 通过 or 不通过 with its 原因), under one 反馈日期 asked for the whole file. Each row meets the verdict
 * row of that candidate and department, checked as a single answer is (sent, still open, not answered before it
 * was sent); the rows are written through the vetting service's own write, all or none.
 */
export function repliesAdapter({ store, clock, vetting }: ImportRegisters): KindAdapter<ReplyRecord, ReplyPlan> {
  const sentSql = `SELECT c.id AS candidateId, p.name, g.name AS villageName, rv.id AS verdictId, rv.verdict, rv.reason, rv.decided_on AS decidedOn
     FROM persons p JOIN candidates c ON c.person_id = p.id JOIN villages g ON g.id = c.village_id
     LEFT JOIN review_verdicts rv ON rv.candidate_id = c.id AND rv.department = ?
    WHERE p.id_number = ?`
  return {
    def: KIND_DEFS.replies,
    refuse: (_villageId, fileValues) => {
      if (!fileValues.department) return '导入联审回执须先选择回复的联审部门'
      if (!fileValues.decidedOn) return '导入联审回执须填写部门的反馈日期'
      if (fileValues.decidedOn > clock.today()) return `反馈日期 ${fileValues.decidedOn} 晚于今天（${clock.today()}），请核对`
      return null
    },
    build: (values: Values, ctx: BuildContext) => {
      const problems: FieldProblem[] = []
      const department = ctx.fileValues.department
      const own = values.department as string | null | undefined
      if (own && own !== department) problems.push({ field: 'department', message: `此行联审部门为“${own}”，与导入时选择的“${department}”不符，请确认是该部门的回执` })
      const verdict = values.verdict as ReplyRecord['verdict']
      const reason = (values.reason as string | null) ?? ''
      if (verdict === '不通过' && reason === '') problems.push({ field: 'reason', message: '审查结果为“不通过”，须在“原因”栏写明理由' })
      if (problems.length) return { ok: false, problems }
      return {
        ok: true,
        record: {
          idNumber: values.idNumber as string,
          name: values.name as string,
          village: (values.village as string | null) ?? null,
          department,
          verdict,
          reason,
          decidedOn: ctx.fileValues.decidedOn
        }
      }
    },
    identity: (r) => ({ field: 'idNumber', key: r.idNumber }),
    register: {
      plan: (records) =>
        records.map((r): ReplyPlan => {
          const sent = store.one<Sent>(sentSql, r.department, r.idNumber)
          const plan = (action: Planned['action'], problem?: FieldProblem): ReplyPlan => ({
            action,
            targetId: sent?.verdictId ?? null,
            candidateId: sent?.candidateId ?? null,
            problem
          })
          if (!sent) return plan('updated', { field: 'idNumber', message: `公民身份号码 ${r.idNumber}（${r.name}）不是人选库中的人选` })
          if (sent.name !== r.name) return plan('updated', { field: 'name', message: nameMismatch(r.idNumber, sent.name, r.name) })
          if (r.village !== null && r.village !== sent.villageName) {
            return plan('updated', { field: 'village', message: `“${sent.name}”是“${sent.villageName}”的人选，此行所在村社为“${r.village}”` })
          }
          if (sent.verdictId === null) return plan('updated', { field: 'idNumber', message: `“${sent.villageName} ${sent.name}”未送“${r.department}”联审，不能记录该部门的意见` })
          try {
            vetting.verdictTarget(sent.candidateId, r.department, r.decidedOn)
          } catch (e) {
            if (!(e instanceof AppFailure)) throw e
            return plan('updated', { field: 'verdict', message: `“${sent.villageName} ${sent.name}”：${e.error.message}` })
          }
          const same = sent.verdict === r.verdict && sent.reason === r.reason && sent.decidedOn === r.decidedOn
          return plan(same ? 'unchanged' : 'updated')
        }),
      write: (records, plan) => {
        records.forEach((r, i) => {
          const p = plan[i]
          if (p.action === 'unchanged') return
          vetting.applyVerdict(p.targetId!, { verdict: r.verdict, reason: r.reason, decidedOn: r.decidedOn })
        })
      }
    }
  }
}
