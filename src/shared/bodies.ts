import { z } from 'zod'
import { isIsoDate } from './dates'
import { checkIdNumber, normalizeIdNumber } from './idcard'

/**
 * The other bodies elected in the same round: 村(居)务监督委员会, 村民代表 and 村民小组长, each a roster of
 * persons from the register. The law's numbers are here, each with the published default.
 */
export const OTHER_BODIES = ['监督委员会', '村民代表', '村民小组长'] as const
export type OtherBody = (typeof OTHER_BODIES)[number]

export const BODY_POSTS: Record<OtherBody, readonly string[]> = {
  监督委员会: ['主任', '委员'],
  村民代表: ['代表'],
  村民小组长: ['组长']
}

export const BODY_LABELS: Record<OtherBody, string> = {
  监督委员会: '村(居)务监督委员会',
  村民代表: '村民代表',
  村民小组长: '村民小组长'
}

/** 村务监督委员会: 3 to 5 members, one of them its 主任. */
export const SUPERVISORS_MIN = 3
export const SUPERVISORS_MAX = 5

/**
 * 近亲属 as a recorded relation (称谓) writes it: spouse, lineal kin and collateral kin within three
 * generations, and the close in-laws. Any 称谓 with one of these characters counts.
 */
const CLOSE_RELATION = /配偶|妻|夫|父|母|爸|妈|子|女|儿|兄|弟|姐|妹|哥|孙|媳|婿|岳|公公|婆婆|嫂|叔|伯|姑|舅|姨|侄|甥/
export const isCloseRelation = (relation: string): boolean => CLOSE_RELATION.test(relation)

/** Women must be at least a third of the 村民代表: exactly a third passes (compared in whole numbers). */
export const womenShareMet = (women: number, total: number): boolean => total === 0 || women * 3 >= total

export const bodyMemberInput = z
  .object({
    villageId: z.number({ error: '缺少村社' }).int().positive(),
    body: z.enum(OTHER_BODIES, { error: '组织应为监督委员会、村民代表或村民小组长' }),
    post: z.string().trim().min(1, '请填写职务'),
    name: z.string().trim().min(1, '请填写姓名').max(50, '姓名不能超过50个字'),
    idNumber: z
      .string()
      .nullable()
      .default(null)
      .transform((v) => (v === null || v.trim() === '' ? null : normalizeIdNumber(v)))
      .refine((v) => v === null || checkIdNumber(v).ok, '公民身份号码有误'),
    sex: z.enum(['男', '女']).nullable().default(null),
    groupName: z.string().trim().max(30, '村民小组名称不能超过30个字').default(''),
    electedOn: z.string().refine(isIsoDate, '当选日期格式应为 YYYY-MM-DD').nullable().default(null),
    note: z.string().trim().max(500, '备注不能超过500个字').default('')
  })
  .superRefine((v, ctx) => {
    if (!BODY_POSTS[v.body].includes(v.post)) ctx.addIssue({ code: 'custom', path: ['post'], message: `${BODY_LABELS[v.body]}的职务应为${BODY_POSTS[v.body].join('或')}` })
    if (v.body === '村民小组长' && !v.groupName) ctx.addIssue({ code: 'custom', path: ['groupName'], message: '请填写村民小组' })
  })
export type BodyMemberData = z.output<typeof bodyMemberInput>

export const bodyRosterQuery = z
  .object({ body: z.enum(OTHER_BODIES).nullable().default(null), villageId: z.number().int().positive().nullable().default(null) })
  .default({ body: null, villageId: null })

export const BODY_MEMBER_LABELS: Record<string, string> = {
  villageId: '村社',
  body: '组织',
  post: '职务',
  name: '姓名',
  idNumber: '公民身份号码',
  sex: '性别',
  groupName: '村民小组',
  electedOn: '当选日期',
  note: '备注'
}

export interface BodyMemberRow {
  id: number
  villageId: number
  villageName: string
  body: OtherBody
  post: string
  personId: number
  name: string
  idNumber: string | null
  sex: '男' | '女' | null
  birthDate: string | null
  groupName: string
  electedOn: string | null
  note: string
}

/** Each village's other bodies in numbers, for the structure statistics and the township summary. */
export interface BodyCounts {
  supervisors: number
  /** Whether the 监督委员会 has 3–5 members and its 主任. */
  supervisorsComplete: boolean
  representatives: number
  womenRepresentatives: number
  /** Share of women among the 村民代表, 0–1; null without representatives. */
  womenShare: number | null
  womenShareMet: boolean
  groupLeaders: number
}

export function bodyCounts(rows: Pick<BodyMemberRow, 'body' | 'post' | 'sex'>[]): BodyCounts {
  const sup = rows.filter((r) => r.body === '监督委员会')
  const reps = rows.filter((r) => r.body === '村民代表')
  const women = reps.filter((r) => r.sex === '女').length
  return {
    supervisors: sup.length,
    supervisorsComplete: sup.length >= SUPERVISORS_MIN && sup.length <= SUPERVISORS_MAX && sup.some((r) => r.post === '主任'),
    representatives: reps.length,
    womenRepresentatives: women,
    womenShare: reps.length === 0 ? null : women / reps.length,
    womenShareMet: womenShareMet(women, reps.length),
    groupLeaders: rows.filter((r) => r.body === '村民小组长').length
  }
}
