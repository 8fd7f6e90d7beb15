import { z } from 'zod'
import { isIsoDate } from './dates'
import { candidateIdInput } from './inputs'

import { COMMITTEE_SEAT_POSTS, PARTY_SEAT_POSTS, seatsText, type Seats } from './seats'

/** What the pool filters candidates by: a seat on either side, the two derived pairings, or seats still to fill in. */
export const POST_FILTERS = ['党组织书记', '党组织副书记', '党组织委员', '村委会主任', '村委会副主任', '村委会委员', '一肩挑', '交叉任职', '职务待补充'] as const
export type PostFilter = (typeof POST_FILTERS)[number]
export const POST_FILTER_LABELS: Record<PostFilter, string> = {
  党组织书记: '党组织书记',
  党组织副书记: '党组织副书记',
  党组织委员: '党组织委员',
  村委会主任: '村(居)委会主任',
  村委会副主任: '村(居)委会副主任',
  村委会委员: '村(居)委会委员',
  一肩挑: '一肩挑(书记兼主任)',
  交叉任职: '交叉任职',
  职务待补充: '职务待补充'
}

/** Party seats are elected by the members' meeting among full members; an unknown status is not refused. */
export function partyPostProblem(seats: Seats, politicalStatus: string | null | undefined): string | null {
  if (!seats.partyPost || !politicalStatus || politicalStatus === '中共党员') return null
  return `党组织${seats.partyPost}人选须为中共党员（此人登记为${politicalStatus}）`
}

export const alreadyProposed = (village: string, seats: Seats): string =>
  `此人已被提名为${village}${seatsText(seats, false)}人选。同一人只能是一个村的人选；同时提名党组织和村(居)委会职务请在原提名中一并填写，如需改提名请修改原提名`

export const SOURCES = ['党员推荐', '群众推荐', '组织推荐', '自荐'] as const
/** What a roster without a 来源 column leaves: kept, shown as 待补充, never refused. */
export const SOURCE_UNKNOWN = '未填写'
export const STORED_SOURCES = [...SOURCES, SOURCE_UNKNOWN] as const
export const sourceText = (s: string): string => (s === SOURCE_UNKNOWN ? '待补充' : s)
export const POOLS = ['初步人选', '后备干部', '正式候选人'] as const

/** The vetting path in order. 摸排, 民主测评 and 县级联审 follow from their own records; the rest are recorded as stages. */
export const STAGES = ['摸排', '民主测评', '资格初审', '县级联审', '考察', '会审', '公示', '确定为正式候选人', '选举'] as const
export type Stage = (typeof STAGES)[number]
export const RECORDED_STAGES = ['资格初审', '考察', '会审', '公示', '确定为正式候选人', '选举'] as const
export type RecordedStage = (typeof RECORDED_STAGES)[number]
export const STAGE_RESULTS = ['通过', '不通过', '当选', '落选'] as const
export type StageResult = (typeof STAGE_RESULTS)[number]

export const VERDICTS = ['通过', '不通过', '待反馈'] as const
export type Verdict = (typeof VERDICTS)[number]
/** What a department answers: 待反馈 is only the state before it does. */
export const REPLY_VERDICTS = ['通过', '不通过'] as const
export const SEVERITIES = ['不能', '不宜'] as const
export type Severity = (typeof SEVERITIES)[number]
/** What the township decides on a 不宜 finding. */
export const FINDING_DECISIONS = ['准予继续', '不予提名'] as const

const isoDate = (label: string) => z.string({ error: `请填写${label}` }).refine(isIsoDate, `${label}格式应为 YYYY-MM-DD`)
const id = (label: string) => z.number({ error: `请选择${label}` }).int().positive()
const text = (max: number) => z.string().trim().max(max, `不能超过${max}个字`).default('')

export const candidateInput = z.object({
  personId: id('人员'),
  villageId: id('村社'),
  partyPost: z.enum(PARTY_SEAT_POSTS, { error: '党组织职务应为书记、副书记或委员' }).nullable().default(null),
  committeePost: z.enum(COMMITTEE_SEAT_POSTS, { error: '村(居)委会职务应为主任、副主任或委员' }).nullable().default(null),
  incumbent: z.boolean().default(false),
  source: z.enum(STORED_SOURCES, { error: '请选择人选来源' }),
  pool: z.enum(POOLS, { error: '请选择人选类别' }).default('初步人选'),
  proposedOn: isoDate('摸排日期'),
  note: text(500)
}).superRefine((v, ctx) => {
  if (v.partyPost === null && v.committeePost === null) {
    ctx.addIssue({ code: 'custom', path: ['partyPost'], message: '请至少选择一个拟任职务（党组织或村(居)委会）' })
  }
})
export type CandidateInput = z.input<typeof candidateInput>
export type CandidateData = z.output<typeof candidateInput>

export const CANDIDATE_LABELS: Record<string, string> = {
  personId: '人员',
  villageId: '村社',
  partyPost: '拟任党组织职务',
  committeePost: '拟任村(居)委会职务',
  incumbent: '现任/新提名',
  source: '人选来源',
  pool: '人选类别',
  proposedOn: '摸排日期',
  note: '备注'
}

/** A recorded stage's fields, shared by the one-candidate form and the batch. */
export const stageFields = {
  stage: z.enum(RECORDED_STAGES, { error: '请选择环节' }),
  /** 会审 only: which meeting (乡镇党委会 …). */
  level: text(50),
  result: z.enum(STAGE_RESULTS, { error: '请选择结果' }),
  decidedOn: isoDate('日期'),
  decider: z.string().trim().min(1, '请填写决定人或决定机构').max(100),
  docNo: text(100),
  note: text(5000),
  /** 公示 only. */
  publicityStart: isoDate('公示开始日期').nullable().default(null),
  objections: text(2000)
}

type StageFields = z.output<z.ZodObject<typeof stageFields>>

export function checkStage(v: StageFields, ctx: z.RefinementCtx): void {
  const electionResult = v.result === '当选' || v.result === '落选'
  if ((v.stage === '选举') !== electionResult) {
    ctx.addIssue({ code: 'custom', path: ['result'], message: v.stage === '选举' ? '选举结果应为当选或落选' : '结果应为通过或不通过' })
  }
  if (v.stage === '会审' && v.level === '') ctx.addIssue({ code: 'custom', path: ['level'], message: '请选择会审层级' })
  if (v.stage === '公示' && v.publicityStart === null) ctx.addIssue({ code: 'custom', path: ['publicityStart'], message: '请填写公示开始日期' })
  if (v.result === '不通过' && v.note === '') ctx.addIssue({ code: 'custom', path: ['note'], message: '不通过时请写明原因' })
}

export const stageInput = z.object({ candidateId: id('人选'), ...stageFields }).superRefine(checkStage)
export type StageInput = z.input<typeof stageInput>
export type StageData = z.output<typeof stageInput>

export const STAGE_LABELS: Record<string, string> = {
  stage: '环节',
  level: '会审层级',
  result: '结果',
  decidedOn: '日期',
  decider: '决定人/机构',
  docNo: '文号',
  note: '意见/原因',
  publicityStart: '公示开始日期',
  objections: '异议情况'
}

export const verdictInput = z
  .object({
    candidateId: id('人选'),
    department: z.string().trim().min(1, '请选择部门').max(50),
    verdict: z.enum(VERDICTS, { error: '请选择意见' }),
    reason: text(1000),
    decidedOn: isoDate('反馈日期').nullable().default(null)
  })
  .superRefine((v, ctx) => {
    if (v.verdict === '不通过' && v.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: '不通过时请写明理由' })
    if (v.verdict !== '待反馈' && v.decidedOn === null) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: '请填写反馈日期' })
  })
export type VerdictInput = z.input<typeof verdictInput>

export const VERDICT_LABELS: Record<string, string> = { department: '部门', verdict: '意见', reason: '理由', decidedOn: '反馈日期' }

export const findingInput = z.object({
  personId: id('人员'),
  itemCode: z.string().trim().min(1, '请选择负面清单条目').max(20),
  department: z.string().trim().min(1, '请填写来源部门').max(50),
  evidence: z.string().trim().min(1, '请填写依据或证据').max(2000),
  foundOn: isoDate('发现日期')
})
export type FindingInput = z.input<typeof findingInput>

export const FINDING_LABELS: Record<string, string> = { itemCode: '负面清单条目', department: '来源部门', evidence: '依据', foundOn: '发现日期' }

export const findingDecisionInput = z.object({
  id: id('情形'),
  decision: z.enum(FINDING_DECISIONS, { error: '请选择研究决定' }),
  decidedBy: z.string().trim().min(1, '请填写决定机构').max(100),
  decidedOn: isoDate('决定日期'),
  note: text(1000)
})
export const FINDING_DECISION_LABELS: Record<string, string> = { decision: '研究决定', decidedBy: '决定机构', decidedOn: '决定日期' }

export const sendToReviewInput = candidateIdInput.extend({ sentOn: z.string().refine(isIsoDate, '送审日期格式应为 YYYY-MM-DD') })

const count = (label: string) =>
  z.number({ error: `请填写${label}` }).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(1_000_000, `${label}过大`)

export const evaluationInput = z
  .object({
    candidateId: id('人选'),
    heldOn: isoDate('测评日期'),
    partyBallots: count('党员参评人数'),
    partyTrust: count('党员信任票'),
    repBallots: count('村民代表参评人数'),
    repTrust: count('村民代表信任票'),
    satisfied: count('满意票'),
    basicallySatisfied: count('基本满意票'),
    unsatisfied: count('不满意票'),
    note: text(1000)
  })
  .superRefine((v, ctx) => {
    if (v.partyBallots === 0) ctx.addIssue({ code: 'custom', path: ['partyBallots'], message: '党员参评人数应大于0' })
    if (v.repBallots === 0) ctx.addIssue({ code: 'custom', path: ['repBallots'], message: '村民代表参评人数应大于0' })
    if (v.partyTrust > v.partyBallots) ctx.addIssue({ code: 'custom', path: ['partyTrust'], message: '信任票不能多于参评人数' })
    if (v.repTrust > v.repBallots) ctx.addIssue({ code: 'custom', path: ['repTrust'], message: '信任票不能多于参评人数' })
    if (v.satisfied + v.basicallySatisfied + v.unsatisfied === 0) {
      ctx.addIssue({ code: 'custom', path: ['satisfied'], message: '满意度票数合计应大于0' })
    }
  })
export type EvaluationInput = z.input<typeof evaluationInput>
export type EvaluationData = z.output<typeof evaluationInput>

export const EVALUATION_LABELS: Record<string, string> = {
  heldOn: '测评日期',
  partyBallots: '党员参评人数',
  partyTrust: '党员信任票',
  repBallots: '村民代表参评人数',
  repTrust: '村民代表信任票',
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
  note: '备注'
}

export const candidateQuery = z
  .object({
    search: z.string().trim().max(50).default(''),
    villageId: z.number().int().positive().nullable().default(null),
    stage: z.enum(STAGES).nullable().default(null),
    post: z.enum(POST_FILTERS).nullable().default(null),
    tag: z.string().trim().max(20).nullable().default(null),
    status: z.enum(['进行中', '已停止', '正式候选人', '当选', '落选']).nullable().default(null)
  })
  .default({ search: '', villageId: null, stage: null, post: null, tag: null, status: null })
export type CandidateQuery = z.input<typeof candidateQuery>
