import { z } from 'zod'
import { TERMS } from './election'
import { STAGES } from './candidate'
import { NOTICE_KINDS } from './notices'

/** Every table the office hands up, by the name the CLI and the API use. */
export const EXPORT_TABLES = {
  villages: { label: '村社台账', formats: ['xlsx', 'pdf'] },
  candidates: { label: '人选花名册', formats: ['xlsx', 'pdf'] },
  review: { label: '资格联审表', formats: ['xlsx', 'pdf'] },
  reply: { label: '联审回执', formats: ['xlsx'], exportedFrom: '人选 → 联审看板 → 录入部门回复' },
  members: { label: '两委成员名册', formats: ['xlsx', 'pdf'] },
  structure: { label: '换届结构统计表', formats: ['xlsx', 'pdf'] },
  risks: { label: '风险台账', formats: ['xlsx', 'pdf'] },
  'focus-villages': { label: '重难点村清单', formats: ['xlsx', 'pdf'] },
  timeline: { label: '选务作战图', formats: ['xlsx', 'pdf'] },
  voters: { label: '选民名单', formats: ['xlsx', 'pdf', 'docx'] },
  dossier: { label: '人选登记表', formats: ['pdf', 'docx', 'lrmx'] },
  'election-report': { label: '选举结果报告单', formats: ['xlsx', 'pdf', 'docx'] },
  notices: { label: '公告', formats: ['pdf', 'docx'] },
  ballots: { label: '选票', formats: ['pdf', 'docx'] },
  'tally-sheets': { label: '计票单', formats: ['pdf', 'docx'] },
  handover: { label: '移交清单', formats: ['xlsx', 'pdf', 'docx'] },
  'handover-board': { label: '交接进度', formats: ['xlsx', 'pdf'] },
  lookback: { label: '回头看台账', formats: ['xlsx', 'pdf'] },
  'focus-after': { label: '换届后重点关注村台账', formats: ['xlsx', 'pdf'] },
  supervisors: { label: '村务监督委员会名册', formats: ['xlsx', 'pdf'] },
  representatives: { label: '村民代表名册', formats: ['xlsx', 'pdf'] },
  'group-leaders': { label: '村民小组长名册', formats: ['xlsx', 'pdf'] }
} as const satisfies Record<string, { label: string; formats: readonly ExportFormat[]; exportedFrom?: string }>

/** lrmx: the 干部任免审批表 file, one per person (a batch comes as a zip of them). */
export type ExportFormat = 'xlsx' | 'pdf' | 'docx' | 'lrmx'
export const EXPORT_FORMATS = ['xlsx', 'pdf', 'docx', 'lrmx'] as const satisfies readonly ExportFormat[]
export type ExportTable = keyof typeof EXPORT_TABLES
export const EXPORT_TABLE_NAMES = Object.keys(EXPORT_TABLES) as ExportTable[]

export const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  lrmx: 'application/xml'
}

/** A produced file as it travels over the API. */
export interface ExportedFile {
  fileName: string
  mime: string
  base64: string
}

export const exportInput = z.object({
  table: z.enum(EXPORT_TABLE_NAMES as [ExportTable, ...ExportTable[]], { error: '未知的表格' }),
  format: z.enum(EXPORT_FORMATS, { error: '格式应为 xlsx、pdf、docx 或 lrmx' }),
  villageId: z.number().int().positive().nullable().default(null),
  /** 两委成员名册: the new term or the outgoing one. */
  term: z.enum(TERMS, { error: '届别应为 本届 或 上届' }).default('本届'),
  /** Candidate tables and forms: only the candidates at this stage of the vetting path. */
  stage: z.enum(STAGES, { error: '未知的审查环节' }).nullable().default(null),
  /** 联审回执: the department whose sheet it is. */
  department: z.string().trim().min(1, '请选择联审部门').max(50).optional(),
  /** 人选登记表 of this one candidate. */
  candidateId: z.number().int().positive().nullable().default(null),
  /** 公告: which notice (选民名单, 候选人名单, 选举结果…); the first, 选举日及选举方式, when not given. */
  notice: z.enum(NOTICE_KINDS, { error: `公告种类应为：${NOTICE_KINDS.join('、')}` }).nullable().default(null),
  /** 填表人 printed on the 人选登记表. */
  filledBy: z.string().trim().max(20, '填表人不能超过20个字').default('')
})
export type ExportInput = z.input<typeof exportInput>

/** Characters Windows refuses in file names. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g

/**
 * The name proposed in the save dialog: who, what, when — "青山镇_东岭村_人选登记表_20260301.pdf".
 */
export function exportFileName(parts: { unit?: string; village?: string; label: string; date: string; format: ExportFormat }): string {
  const name = [parts.unit, parts.village, parts.label, parts.date.replaceAll('-', '')]
    .filter((p): p is string => Boolean(p && p.trim()))
    .map((p) => p.trim().replace(UNSAFE, '_'))
    .join('_')
  return `${name}.${parts.format}`
}
