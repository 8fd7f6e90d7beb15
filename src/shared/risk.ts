import { z } from 'zod'
import { isIsoDate } from './dates'
import { personInput } from './person'
import { RISK_STATUSES, TALK_KINDS, type RiskStatus, type TalkKind } from './risk-rules'
import { VILLAGE_GRADES, type VillageGrade } from './village'

/** API inputs and records of the risk files (风险档案) and the round's plan. */
const text = (max: number) => z.string().trim().max(max, `不能超过${max}个字`)
const required = (max: number, what: string) => text(max).min(1, `请填写${what}`)
const date = (what: string) => z.string({ error: `请选择${what}` }).refine(isIsoDate, `${what}格式应为 YYYY-MM-DD`)
const id = (what: string) => z.number({ error: `缺少${what}` }).int().positive()
const count = (what: string) => z.number({ error: `${what}应为数字` }).int(`${what}应为整数`).min(0, `${what}不能为负数`).max(100_000, `${what}过大`)
const share = (what: string) => z.number({ error: `${what}应为数字` }).min(0, `${what}应在0–100之间`).max(100, `${what}应在0–100之间`).nullable().default(null)

export const gradeInput = z.object({
  villageId: id('村社'),
  grade: z.enum(VILLAGE_GRADES, { error: '分级应为重难点村、一般村或平稳村' }),
  reason: required(500, '定级理由')
})

export const riskItemInput = z.object({
  villageId: id('村社'),
  type: required(20, '风险类型'),
  description: required(2000, '风险描述'),
  source: text(20).default(''),
  measures: text(4000).default(''),
  responsibleLeader: text(50).default(''),
  responsibleCadre: text(50).default(''),
  deadline: date('化解时限').nullable().default(null),
  foundOn: date('发现日期')
})
export type RiskItemData = z.output<typeof riskItemInput>

export const statusChangeInput = z
  .object({
    id: id('风险事项'),
    to: z.enum(RISK_STATUSES, { error: '状态应为未化解、化解中或已化解' }),
    on: date('日期'),
    evidence: text(2000).default(''),
    by: text(50).default(''),
    note: text(1000).default('')
  })
  .superRefine((v, ctx) => {
    if (v.to === '已化解') {
      if (!v.evidence) ctx.addIssue({ code: 'custom', path: ['evidence'], message: '销号须填写化解依据' })
      if (!v.by) ctx.addIssue({ code: 'custom', path: ['by'], message: '销号须填写销号人' })
    }
  })

export const keyPersonInput = z
  .object({
    riskItemId: id('风险事项'),
    personId: z.number().int().positive().nullable().default(null),
    /** A person not yet in the register, added to it in the same step. */
    newPerson: personInput.nullable().default(null),
    role: text(50).default('')
  })
  .refine((v) => (v.personId === null) !== (v.newPerson === null), { message: '请选择人员库中的人员或填写新人员', path: ['personId'] })

export const talkInput = z.object({
  riskItemId: id('风险事项'),
  personId: id('谈话对象'),
  kind: z.enum(TALK_KINDS, { error: '谈话类型应为谈心谈话或警示谈话' }),
  talkedOn: date('谈话日期'),
  talkedBy: required(50, '谈话人'),
  summary: required(2000, '谈话内容摘要')
})

export const emergencyPlanInput = z.object({
  villageId: id('村社'),
  scenario: required(500, '可能发生的情形'),
  response: required(2000, '处置措施'),
  personInCharge: required(50, '责任人'),
  contact: text(100).default('')
})

export const WORK_KINDS = ['走访', '谈话'] as const
export type WorkKind = (typeof WORK_KINDS)[number]

export const workRecordInput = z.object({
  villageId: id('村社'),
  kind: z.enum(WORK_KINDS, { error: '类型应为走访或谈话' }),
  doneOn: date('日期'),
  doneBy: required(50, '工作人员'),
  withWhom: text(200).default(''),
  households: count('走访户数').default(0),
  people: count('谈话人次').default(0),
  notes: text(2000).default('')
})

export const assessmentInput = z.object({
  villageId: id('村社'),
  assessedOn: date('评估日期'),
  candidate: required(50, '拟推人选'),
  post: text(30).default(''),
  partySupport: share('党内支持率'),
  publicSupport: share('党外支持率'),
  assessedBy: text(50).default(''),
  note: text(1000).default('')
})


export const riskListQuery = z
  .object({ villageId: z.number().int().positive().nullable().default(null), status: z.enum(RISK_STATUSES).nullable().default(null) })
  .default({ villageId: null, status: null })

/** The persons register searched by name, pinyin or ID number, to pick key persons from. */
export const personSearchInput = z.object({
  search: z.string().trim().max(50).default(''),
  villageId: z.number().int().positive().nullable().default(null)
})

export const RISK_LABELS: Record<string, string> = {
  villageId: '村社',
  grade: '分级',
  reason: '定级理由',
  type: '风险类型',
  description: '风险描述',
  source: '来源',
  measures: '一村一策措施',
  responsibleLeader: '责任领导',
  responsibleCadre: '责任干部',
  deadline: '化解时限',
  foundOn: '发现日期',
  on: '日期',
  evidence: '化解依据',
  by: '销号人',
  note: '说明',
  personId: '人员',
  'newPerson.name': '姓名',
  'newPerson.idNumber': '身份证号',
  'newPerson.phone': '联系电话',
  role: '身份/关系',
  talkedOn: '谈话日期',
  talkedBy: '谈话人',
  summary: '谈话内容摘要',
  kind: '类型',
  scenario: '可能发生的情形',
  response: '处置措施',
  personInCharge: '责任人',
  contact: '联系方式',
  doneOn: '日期',
  doneBy: '工作人员',
  withWhom: '对象',
  households: '户数',
  people: '人次',
  notes: '情况记录',
  assessedOn: '评估日期',
  candidate: '拟推人选',
  post: '拟任职务',
  partySupport: '党内支持率',
  publicSupport: '党外支持率',
  assessedBy: '评估人'
}

export interface GradeChange {
  id: number
  villageId: number
  grade: VillageGrade
  previousGrade: VillageGrade | null
  reason: string
  setBy: string
  setAt: string
}

export interface RiskItem extends RiskItemData {
  id: number
  status: RiskStatus
  closedOn: string | null
  closedEvidence: string
  closedBy: string
  createdAt: string
  updatedAt: string
}

export interface RiskStatusEvent {
  id: number
  riskItemId: number
  fromStatus: RiskStatus | null
  toStatus: RiskStatus
  on: string
  evidence: string
  by: string
  note: string
  at: string
  actor: string
}

export interface KeyPerson {
  linkId: number
  riskItemId: number
  personId: number
  name: string
  idNumber: string | null
  phone: string
  role: string
  lastTalkOn: string | null
}

export interface Talk {
  id: number
  riskItemId: number
  personId: number
  personName: string
  kind: TalkKind
  talkedOn: string
  talkedBy: string
  summary: string
}

export interface RiskItemDetail extends RiskItem {
  villageName: string
  overdue: boolean
  keyPersons: KeyPerson[]
  talks: Talk[]
  events: RiskStatusEvent[]
}

export interface EmergencyPlan extends z.output<typeof emergencyPlanInput> {
  id: number
  updatedAt: string
}

export interface WorkRecord extends z.output<typeof workRecordInput> {
  id: number
}

export interface Assessment extends z.output<typeof assessmentInput> {
  id: number
}
