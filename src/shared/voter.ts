import { z } from 'zod'
import { isIsoDate } from './dates'
import { ageOn, normalizeIdNumber } from './idcard'

/** 村民委员会组织法 第十三条: the three ways a person gets onto a village's voter list. */
export const VOTER_CATEGORIES = {
  1: { full: '户籍在本村并且在本村居住', short: '户籍在本村并居住' },
  2: { full: '户籍在本村、不在本村居住、本人表示参加选举', short: '户籍在本村不居住' },
  3: {
    full: '户籍不在本村、在本村居住一年以上、本人申请参加选举并经村民会议或村民代表会议同意',
    short: '居住一年以上户籍不在本村'
  }
} as const
export type VoterCategory = 1 | 2 | 3
export const CATEGORY_NUMBERS: VoterCategory[] = [1, 2, 3]
const ORDINALS = ['一', '二', '三']

/** Rosters write the category in several ways; all of them name one of the three. */
export function parseCategory(text: string | number): VoterCategory | null {
  const t = String(text).trim().replace(/[\s，。、,]/g, '')
  if (t === '') return null
  for (const n of CATEGORY_NUMBERS) {
    const c = VOTER_CATEGORIES[n]
    const names = [c.full, c.short, String(n), `${n}类`, `第${n}类`, `${ORDINALS[n - 1]}类`, `第${ORDINALS[n - 1]}类`]
    if (names.some((x) => x.replace(/[\s，。、,]/g, '') === t)) return n
  }
  return null
}

/** Ages are counted on election day, so a village needs one before its voters are registered. */
export const noElectionDay = (village: string): string => `请先在村社台账中填写“${village}”的村委会选举日期：选民年龄按选举日计算`

export const notAVoter = (name: string, reason: string): string => `${name}：${reason}，不能登记为选民`

/** Nobody may be registered in two places: the refusal names both. */
export const registeredElsewhere = (name: string, idNumber: string, registeredIn: string, village: string): string =>
  `${name}（${idNumber}）已登记在“${registeredIn}”的选民名单中，不能再登记在“${village}”：同一选民只能在一处登记`

/** Every way rosters write a category, for the importer's choice column. */
export function categoryAliases(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const n of CATEGORY_NUMBERS) {
    const c = VOTER_CATEGORIES[n]
    const o = ORDINALS[n - 1]
    for (const a of [c.full, c.full.replace(/[、，,]/g, ''), String(n), `${n}类`, `第${n}类`, `${o}类`, `第${o}类`]) out[a] = c.short
  }
  out['户籍在本村并且在本村居住'] = VOTER_CATEGORIES[1].short
  out['户籍在本村、不在本村居住'] = VOTER_CATEGORIES[2].short
  out['户籍在本村不在本村居住'] = VOTER_CATEGORIES[2].short
  out['户籍不在本村、在本村居住一年以上'] = VOTER_CATEGORIES[3].short
  out['户籍不在本村在本村居住一年以上'] = VOTER_CATEGORIES[3].short
  return out
}

/** The category number of its short form. */
export const categoryOfShort = (short: string): VoterCategory => CATEGORY_NUMBERS.find((n) => VOTER_CATEGORIES[n].short === short)!

export const categoryLabel = (n: VoterCategory): string => `${ORDINALS[n - 1]}类：${VOTER_CATEGORIES[n].short}`

export const APPROVAL_MEETINGS = ['村民会议', '村民代表会议'] as const

const isoDate = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD')

export const voterInput = z
  .object({
    villageId: z.number({ error: '请选择村社' }).int().positive(),
    idNumber: z
      .string({ error: '身份证号不能为空' })
      .transform((v) => normalizeIdNumber(v))
      .refine((v) => v !== '', '身份证号不能为空'),
    name: z.string().trim().min(1, '姓名不能为空').max(50, '姓名不能超过50个字'),
    ethnicity: z.string().trim().max(20).default(''),
    groupName: z.string().trim().max(30, '村民小组不能超过30个字').default(''),
    category: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '登记类别应为一类、二类或三类' }),
    address: z.string().trim().max(100, '住址不能超过100个字').default(''),
    approvalDate: isoDate.nullable().default(null),
    approvalMeeting: z.enum(APPROVAL_MEETINGS, { error: '应为村民会议或村民代表会议' }).nullable().default(null),
    deprived: z.boolean().default(false),
    note: z.string().trim().max(200).default('')
  })
  .superRefine((v, ctx) => {
    if (v.category === 3) {
      if (!v.approvalDate) ctx.addIssue({ code: 'custom', path: ['approvalDate'], message: '三类选民须填写村民会议或村民代表会议同意的日期' })
      if (!v.approvalMeeting) ctx.addIssue({ code: 'custom', path: ['approvalMeeting'], message: '三类选民须填写同意参加选举的会议' })
    }
  })

export type VoterInput = z.input<typeof voterInput>
export type VoterData = z.output<typeof voterInput>

export const VOTER_LABELS: Record<string, string> = {
  villageId: '村社',
  idNumber: '公民身份号码',
  name: '姓名',
  ethnicity: '民族',
  groupName: '村民小组',
  category: '登记类别',
  address: '住址',
  approvalDate: '同意日期',
  approvalMeeting: '同意会议',
  deprived: '被剥夺政治权利',
  note: '备注'
}

export const VOTER_STATUSES = ['在册', '已除名'] as const
export type VoterStatus = (typeof VOTER_STATUSES)[number]

/** One line of the register as lists and the 选民名单 export show it. */
export interface VoterRow {
  id: number
  villageId: number
  villageName: string
  personId: number
  idNumber: string
  name: string
  sex: '男' | '女' | null
  birthDate: string | null
  ethnicity: string
  groupName: string
  category: VoterCategory
  address: string
  approvalDate: string | null
  approvalMeeting: (typeof APPROVAL_MEETINGS)[number] | null
  deprived: boolean
  status: VoterStatus
  removedReason: string
  note: string
  /** Age on the village's election day; null when the day is not set. */
  ageOnElectionDay: number | null
  /** Whether the person may vote, and why not. */
  eligible: boolean
  ineligibleReason: string
}

export function isMinority(ethnicity: string): boolean {
  const e = ethnicity.trim()
  return e !== '' && e !== '汉' && e !== '汉族'
}

/**
 * 村民委员会组织法: "年满十八周岁的村民…都有选举权和被选举权" — the law's number, the same in every
 * province, so not a setting. Counted on the election day (ageOn).
 */
export const VOTER_AGE = 18

/**
 * Who may vote: 18 or older on the election day itself (the birthday counts) and not deprived of
 * political rights. The reason is in Chinese, empty when eligible.
 */
export function voterEligibility(
  p: { birthDate: string | null; deprived: boolean },
  electionDate: string | null
): { eligible: boolean; age: number | null; reason: string } {
  const minAge = VOTER_AGE
  const age = p.birthDate && electionDate ? ageOn(p.birthDate, electionDate) : null
  if (p.deprived) return { eligible: false, age, reason: '依法被剥夺政治权利，不列入选民名单' }
  if (!electionDate) return { eligible: false, age, reason: '该村尚未确定选举日，无法按选举日核对年龄' }
  if (age === null) return { eligible: false, age, reason: '出生日期不详，无法核对年龄' }
  if (age < minAge) return { eligible: false, age, reason: `选举日（${electionDate}）未满${minAge}周岁（届时${age}岁）` }
  return { eligible: true, age, reason: '' }
}

/** The date by which the list must be out: election day minus the required days. */
export function latestPublicationDate(electionDate: string, daysBefore: number): string {
  return addDays(electionDate, -daysBefore)
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d + days))
  return t.toISOString().slice(0, 10)
}

export function daysBetween(from: string, to: string): number {
  const [a, b] = [from, to].map((s) => {
    const [y, m, d] = s.split('-').map(Number)
    return Date.UTC(y, m - 1, d)
  })
  return Math.round((b - a) / 86_400_000)
}

/** Whether the list went up early enough before the vote. */
export function publicationCheck(publishedOn: string, electionDate: string | null, daysBefore: number): { ok: boolean; reason: string } {
  if (!electionDate) return { ok: false, reason: '该村尚未确定选举日，无法核对公布时间' }
  const gap = daysBetween(publishedOn, electionDate)
  if (gap >= daysBefore) return { ok: true, reason: `于选举日前${gap}天公布，符合“选举日${daysBefore}日前公布”的要求` }
  return { ok: false, reason: `选举日前仅${gap}天公布，少于规定的${daysBefore}天（最迟应于${latestPublicationDate(electionDate, daysBefore)}公布）` }
}

export interface ObjectionTiming {
  filedLate: boolean
  answerLate: boolean
  /** Not answered and the answer period has passed by `today`. */
  overdue: boolean
  notes: string[]
}

/**
 * 申诉 timing: an objection is due within `objectionDays` of publication, the answer within `answerDays`
 * of the objection. Day counts are calendar days, the day of the event not counted.
 */
export function objectionTiming(
  o: { filedOn: string; answeredOn: string | null },
  publishedOn: string | null,
  today: string,
  rules: { objectionDays: number; answerDays: number }
): ObjectionTiming {
  const notes: string[] = []
  let filedLate = false
  if (publishedOn) {
    const deadline = addDays(publishedOn, rules.objectionDays)
    filedLate = o.filedOn > deadline
    if (filedLate) notes.push(`申诉于${o.filedOn}提出，超过公布后${rules.objectionDays}日的期限（${deadline}）`)
  }
  const answerDeadline = addDays(o.filedOn, rules.answerDays)
  const answerLate = o.answeredOn !== null && o.answeredOn > answerDeadline
  if (answerLate) notes.push(`于${o.answeredOn}答复，超过申诉后${rules.answerDays}日的期限（${answerDeadline}）`)
  const overdue = o.answeredOn === null && today > answerDeadline
  if (overdue) notes.push(`尚未答复，已超过答复期限（${answerDeadline}）`)
  return { filedLate, answerLate, overdue, notes }
}

/** 委托投票: refuses a proxy the law or the limit does not allow; null when allowed. */
export function proxyProblem(
  p: { principalId: number; holderId: number; written: boolean },
  state: { holderCount: number; holderIsPrincipal: boolean; principalIsHolder: boolean; principalHasProxy: boolean },
  limit: number
): string | null {
  if (p.principalId === p.holderId) return '委托人与受托人不能是同一人'
  if (!p.written) return '委托投票须有委托人的书面委托'
  if (state.principalHasProxy) return '该选民已委托他人投票，一名选民只能委托一人'
  if (state.holderIsPrincipal) return '受托人本人已委托他人投票，不能再接受委托'
  if (state.principalIsHolder) return '该选民已接受他人委托，不能再委托他人'
  if (state.holderCount >= limit) return `每名受托人接受委托不得超过${limit}人，该受托人已接受${state.holderCount}人委托`
  return null
}

export const voterQuery = z.object({
  villageId: z.number().int().positive().nullable().default(null),
  search: z.string().trim().max(50).default(''),
  groupName: z.string().trim().max(30).nullable().default(null),
  category: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable().default(null),
  status: z.enum(VOTER_STATUSES).default('在册'),
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(500).default(50)
})
export type VoterQuery = z.input<typeof voterQuery>

/** The figures offices report, for one village, one 村民小组 of it, or the township. */
export interface VoterCounts {
  villageId: number | null
  villageName: string
  groupName: string | null
  electionDate: string | null
  /** Everyone on the list (在册), eligible or not. */
  registered: number
  /** 选民数: on the list, of age on election day, not deprived. The rest count among these. */
  eligible: number
  deprived: number
  /** On the list but under age on the election day (or with no day or birth date to check). */
  notOfAge: number
  women: number
  minority: number
  byCategory: [number, number, number]
}

export const removeVoterInput = z.object({
  id: z.number().int().positive(),
  reason: z.string().trim().min(1, '请填写除名原因').max(200),
  on: z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD')
})

export const publishInput = z.object({
  villageId: z.number().int().positive(),
  publishedOn: z.string().refine(isIsoDate, '公布日期格式应为 YYYY-MM-DD'),
  note: z.string().trim().max(200).default('')
})

export const objectionInput = z.object({
  villageId: z.number().int().positive(),
  objector: z.string().trim().min(1, '请填写申诉人').max(50),
  subject: z.string().trim().min(1, '请填写申诉事项').max(500),
  filedOn: z.string().refine(isIsoDate, '申诉日期格式应为 YYYY-MM-DD')
})

export const answerInput = z.object({
  id: z.number().int().positive(),
  answeredOn: z.string().refine(isIsoDate, '答复日期格式应为 YYYY-MM-DD'),
  answer: z.string().trim().min(1, '请填写答复内容').max(500)
})

/** 近亲属 as 民法典 第一千零四十五条 counts them: a proxy may be given to no one else. */
export const NEAR_RELATIVE_KINDS = ['配偶', '父母', '子女', '兄弟姐妹', '祖父母', '外祖父母', '孙子女', '外孙子女'] as const
export type NearRelative = (typeof NEAR_RELATIVE_KINDS)[number]

/** The words rosters and older files write for each kind (妻子, 爷爷…), read as the kind. */
const RELATION_WORDS: Record<string, NearRelative> = Object.fromEntries(
  (
    [
      ['配偶', '丈夫 妻子 夫 妻'],
      ['父母', '父亲 母亲 父 母'],
      ['子女', '儿子 女儿 子 女'],
      ['兄弟姐妹', '哥哥 弟弟 姐姐 妹妹 兄 弟 姐 妹 兄弟 姐妹'],
      ['祖父母', '祖父 祖母 爷爷 奶奶'],
      ['外祖父母', '外祖父 外祖母 外公 外婆 姥爷 姥姥'],
      ['孙子女', '孙子 孙女'],
      ['外孙子女', '外孙 外孙女']
    ] as const
  ).flatMap(([kind, words]) => [[kind, kind], ...words.split(' ').map((w) => [w, kind])])
)
export const nearRelativeKind = (relation: string): NearRelative | null => RELATION_WORDS[relation.trim()] ?? null

export const proxyInput = z.object({
  principalId: z.number({ error: '请选择委托人' }).int().positive(),
  holderId: z.number({ error: '请选择受托人' }).int().positive(),
  relation: z.preprocess(
    (v) => (typeof v === 'string' ? (nearRelativeKind(v) ?? v.trim()) : v),
    z.enum(NEAR_RELATIVE_KINDS, {
      error: (i) =>
        i.input === undefined || i.input === ''
          ? '请选择受托人与委托人的关系（应为近亲属）'
          : `“${String(i.input)}”不是近亲属：委托投票只能委托近亲属（${NEAR_RELATIVE_KINDS.join('、')}）`
    })
  ),
  written: z.boolean().default(false),
  signedOn: z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD').nullable().default(null)
})

export interface Publication {
  villageId: number
  publishedOn: string
  voterCount: number
  note: string
  check: { ok: boolean; reason: string }
}

export interface VoterChange {
  id: number
  voterId: number
  name: string
  idNumber: string
  kind: '补登' | '除名' | '更正'
  detail: string
  changedOn: string
}

export interface Objection {
  id: number
  villageId: number
  objector: string
  subject: string
  filedOn: string
  answeredOn: string | null
  answer: string
  timing: ObjectionTiming
}

export interface Proxy {
  id: number
  principalId: number
  principalName: string
  holderId: number
  holderName: string
  relation: string
  signedOn: string | null
  /** How many proxies the holder now has. */
  holderCount: number
}
