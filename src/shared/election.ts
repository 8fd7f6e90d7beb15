import { z } from 'zod'
import { isIsoDate } from './dates'
import {
  BODIES,
  POSTS,
  ROUNDS,
  ballotProblems,
  type Body,
  type ElectionDecision,
  type ElectionTally,
  type RaceTally,
  type Round
} from './election-rules'
import { ageOn, checkIdNumber, normalizeIdNumber } from './idcard'
import { VOTER_AGE } from './voter'
import { EDUCATION_LEVELS, POLITICAL_STATUSES } from './structure-stats'

export const ALL_POSTS = ['书记', '副书记', '主任', '副主任', '委员'] as const
export type Post = (typeof ALL_POSTS)[number]

const count = (label: string) =>
  z.number({ error: `请填写${label}` }).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(1_000_000, `${label}过大`)

const optionalId = z
  .string()
  .nullable()
  .default(null)
  .transform((v) => (v === null || v.trim() === '' ? null : normalizeIdNumber(v)))

export const candidateInput = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(50),
  idNumber: optionalId,
  sex: z.enum(['男', '女']).nullable().default(null),
  votes: count('得票数'),
  writeIn: z.boolean().default(false),
  /** The person of the 正式候选人 chosen from the village's list; null for a write-in or a name typed in. */
  personId: z.number().int().positive().nullable().default(null)
})

export const ballotQuery = z.object({
  villageId: z.number({ error: '请选择村社' }).int().positive(),
  body: z.enum(BODIES, { error: '请选择选举的组织' })
})

/** One of the village's 人选 offered on a committee's ballot. */
export interface BallotCandidate {
  candidateId: number
  personId: number
  name: string
  idNumber: string | null
  sex: '男' | '女' | null
  post: string
  postLabel: string
  pool: string
  /** Past 公示 and 确定为正式候选人: the only ones a result may list as candidates. */
  formal: boolean
  politicalStatus: string
}

export const raceInput = z.object({
  post: z.enum(ALL_POSTS, { error: '请选择职位' }),
  seats: z.number({ error: '请填写应选名额' }).int().min(1, '应选名额至少为1').max(9, '应选名额不能超过9'),
  candidates: z.array(candidateInput).min(1, '每个职位至少应有一名被选举人'),
  /** 该职位废票: ballots whose marks for this post alone are void. */
  spoiled: count('该职位废票').default(0),
  /** A Party 书记/副书记 elected by the 支部委员会, over its members present (electors). */
  electedBy: z.literal('支部委员会').nullable().default(null),
  electors: count('到会委员人数').nullable().default(null),
  /** 妇女委员定位产生: the seat only a woman can take. */
  reserved: z.literal('妇女').nullable().default(null)
})

export const electionInput = z
  .object({
    villageId: z.number({ error: '请选择村社' }).int().positive(),
    body: z.enum(BODIES, { error: '请选择选举的组织' }),
    round: z.enum(ROUNDS).default('正式选举'),
    heldOn: z.string({ error: '请填写选举日期' }).refine(isIsoDate, '选举日期格式应为 YYYY-MM-DD'),
    registered: count('登记选民数（应到会人数）'),
    present: count('实到会人数').nullable().default(null),
    issued: count('发出选票数'),
    returned: count('收回选票数'),
    valid: count('有效票数'),
    invalid: count('无效票数'),
    /** 村委会 only; left empty when the village did not count them. */
    proxyVotes: count('委托投票人数').nullable().default(null),
    mobileVotes: count('流动票箱投票人数').nullable().default(null),
    races: z.array(raceInput),
    note: z.string().trim().max(500).default('')
  })
  .superRefine((e, ctx) => {
    e.races.forEach((r, i) => {
      if (!POSTS[e.body].includes(r.post)) {
        ctx.addIssue({ code: 'custom', path: ['races', i, 'post'], message: `${e.body}选举没有“${r.post}”这一职位` })
      }
      r.candidates.forEach((c, j) => {
        if (c.idNumber === null) return
        const id = checkIdNumber(c.idNumber)
        if (!id.ok) ctx.addIssue({ code: 'custom', path: ['races', i, 'candidates', j, 'idNumber'], message: `${c.name}：${id.reason}` })
        else if (c.sex !== null && c.sex !== id.sex) {
          ctx.addIssue({ code: 'custom', path: ['races', i, 'candidates', j, 'sex'], message: `${c.name}的性别与身份证号不符` })
        } else if (isIsoDate(e.heldOn) && ageOn(id.birthDate, e.heldOn) < VOTER_AGE) {
          // 被选举权 as 选举权: 年满十八周岁 on the election day.
          ctx.addIssue({
            code: 'custom',
            path: ['races', i, 'candidates', j, 'idNumber'],
            message: `${c.name}：选举日（${e.heldOn}）未满${VOTER_AGE}周岁（届时${ageOn(id.birthDate, e.heldOn)}岁），没有被选举权`
          })
        }
      })
    })
    for (const [path, message] of Object.entries(ballotProblems(toTally(e)))) {
      ctx.addIssue({ code: 'custom', path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message })
    }
  })

export type ElectionInput = z.input<typeof electionInput>
export type ElectionData = z.output<typeof electionInput>

export const ELECTION_LABELS: Record<string, string> = {
  villageId: '村社',
  body: '组织',
  round: '轮次',
  heldOn: '选举日期',
  registered: '登记选民数',
  present: '实到会人数',
  issued: '发出选票',
  returned: '收回选票',
  valid: '有效票',
  invalid: '无效票',
  proxyVotes: '委托投票人数',
  mobileVotes: '流动票箱投票人数',
  races: '职位'
}

/** Candidate keys are their position ("0.1") until saved, then their row id. */
export function toTally(
  e: Omit<ElectionTally, 'races'> & {
    races: (Pick<RaceTally, 'post' | 'seats' | 'spoiled' | 'electedBy' | 'electors' | 'reserved'> & {
      candidates: { name: string; sex: '男' | '女' | null; votes: number; writeIn: boolean; idNumber?: string | null; personId?: number | null; id?: number }[]
    })[]
  }
): ElectionTally {
  return {
    body: e.body,
    round: e.round,
    registered: e.registered,
    present: e.body === '党组织' ? e.present : null,
    issued: e.issued,
    returned: e.returned,
    valid: e.valid,
    invalid: e.invalid,
    proxyVotes: e.body === '党组织' ? null : (e.proxyVotes ?? null),
    mobileVotes: e.body === '党组织' ? null : (e.mobileVotes ?? null),
    races: e.races.map((r, i) => ({
      post: r.post,
      seats: r.seats,
      spoiled: r.spoiled ?? 0,
      electedBy: r.electedBy ?? null,
      electors: r.electors ?? null,
      reserved: r.reserved ?? null,
      candidates: r.candidates.map((c, j) => {
        const id = c.idNumber ? checkIdNumber(c.idNumber) : null
        const key = c.id !== undefined ? String(c.id) : `${i}.${j}`
        return { key, name: c.name, sex: id?.ok ? id.sex : c.sex, votes: c.votes, writeIn: c.writeIn, person: personKey(c) }
      })
    }))
  }
}

/** Who a result line is, across races and rounds: the person, else the ID number, else the name. */
export const personKey = (c: { personId?: number | null; idNumber?: string | null; name: string }): string =>
  c.personId ? `p${c.personId}` : c.idNumber ? `i${c.idNumber}` : `n${c.name.trim()}`

export interface ElectionCandidate {
  id: number
  personId: number | null
  name: string
  idNumber: string | null
  sex: '男' | '女' | null
  votes: number
  writeIn: boolean
}

export interface ElectionRecord extends Omit<ElectionTally, 'races' | 'proxyVotes' | 'mobileVotes'> {
  id: number
  /** 村委会: voters who voted by written proxy, and through the mobile ballot boxes; null when not entered. */
  proxyVotes: number | null
  mobileVotes: number | null
  villageId: number
  villageName: string
  heldOn: string
  note: string
  races: {
    post: Post
    seats: number
    spoiled: number
    electedBy: '支部委员会' | null
    electors: number | null
    reserved: '妇女' | null
    candidates: ElectionCandidate[]
  }[]
  decision: ElectionDecision
  /** 1 for the first result; each correction after it was locked is a new version. */
  version: number
  /** Final after double entry: changed only through a new, double-entered version. */
  locked: boolean
  /** Warnings of the law that do not refuse the result: 差额, a woman, the smaller ethnic group, 定位产生. */
  warnings: string[]
}

export interface ElectedMember {
  name: string
  sex: '男' | '女' | null
  post: string
  round: Round
  votes: number
  electionId: number
}

/** 选举结果报告单: one village, both committees, everything decided and explained. */
export interface VillageResultReport {
  villageId: number
  villageName: string
  committeeSeats: number | null
  partySeats: number | null
  bodies: {
    body: Body
    elections: ElectionRecord[]
    elected: ElectedMember[]
    /** What the office must still look at: open seats, ties, no woman member. */
    flags: string[]
  }[]
}

export const TERMS = ['本届', '上届'] as const
export type Term = (typeof TERMS)[number]

const attr = <T extends readonly string[]>(values: T, label: string) =>
  z.union([z.enum(values, { error: `${label}不在可选范围内` }), z.literal('')]).default('')

export const memberAttributes = z.object({
  politicalStatus: attr(POLITICAL_STATUSES, '政治面貌'),
  education: attr(EDUCATION_LEVELS, '最高学历'),
  fulltimeEducation: attr(EDUCATION_LEVELS, '全日制学历')
})

export const memberInput = memberAttributes.extend({
  villageId: z.number({ error: '请选择村社' }).int().positive(),
  term: z.enum(TERMS),
  body: z.enum(BODIES),
  post: z.enum(ALL_POSTS),
  idNumber: optionalId,
  name: z.string().trim().min(1, '请填写姓名').max(50),
  sex: z.enum(['男', '女']).nullable().default(null),
  electedOn: z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD').nullable().default(null)
})
export type MemberInput = z.input<typeof memberInput>
export type MemberData = z.output<typeof memberInput>

/** 两委成员名册: one term, one village or the township. */
export const memberRosterQuery = z
  .object({ term: z.enum(TERMS).nullable().default(null), villageId: z.number().int().positive().nullable().default(null) })
  .default({ term: null, villageId: null })

export const memberAttributesUpdate = memberAttributes.extend({ id: z.number().int().positive() })

export interface MemberRow {
  id: number
  villageId: number
  villageName: string
  personId: number
  name: string
  idNumber: string | null
  sex: '男' | '女' | null
  birthDate: string | null
  ethnicity: string
  phone: string
  term: Term
  body: Body
  post: Post
  politicalStatus: string
  education: string
  fulltimeEducation: string
  electedOn: string | null
  electionId: number | null
  /** The day the age is counted on: the election that elected them, else the village's election day. */
  referenceDate: string | null
  age: number | null
}
