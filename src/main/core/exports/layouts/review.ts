import type { TableSpec } from '../table-spec'
import { indexColumn, titlePrefix, vettedPersonColumns, type TableHeading, type VettedPerson } from './common'

export interface ReviewVerdict {
  verdict: '通过' | '不通过' | null
  reason: string
}

export interface ReviewRow extends VettedPerson {
  /** Sent to 县级联审 at all: a candidate never sent shows 未报审 where the departments would answer. */
  submitted: boolean
  /** Department name → its answer; a missing department has not answered yet. */
  verdicts: Record<string, ReviewVerdict>
  overall: string
}

export function verdictText(v: ReviewVerdict | undefined, submitted = true): string {
  if (!submitted) return '未报审'
  if (!v || v.verdict === null) return '未反馈'
  return v.verdict === '不通过' && v.reason ? `不通过：${v.reason}` : v.verdict
}

/** 资格联审表: one row per candidate, one column per reviewing department (the list is a setting). */
export function reviewSpec(h: TableHeading & { departments: string[] }): TableSpec<ReviewRow> {
  return {
    title: `${titlePrefix(h)}村(社区)“两委”换届候选人资格联审表`,
    sheetName: '资格联审表',
    unit: h.unit,
    date: h.date,
    orientation: 'landscape',
    columns: [
      indexColumn(),
      ...vettedPersonColumns<ReviewRow>(),
      ...h.departments.map((d) => ({
        header: d,
        group: '联审部门意见',
        width: 8,
        align: 'center' as const,
        value: (r: ReviewRow) => verdictText(r.verdicts[d], r.submitted)
      })),
      { header: '联审结果', width: 10, align: 'center', value: (r) => r.overall }
    ]
  }
}
