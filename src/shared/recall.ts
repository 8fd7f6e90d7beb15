import { z } from 'zod'
import { isIsoDate } from './dates'
import { atLeast, moreThan } from './election-rules'

/**
 * 罢免 of a villagers' committee member: demanded by 1/5 or more of the voters or 1/3 or more of the 村民代表
 * ("以上" counts the number itself); the vote is valid when more than half of the registered voters vote, and
 * the recall passes with more than half of the votes cast. Whole numbers, like the election rules.
 */
export const recallInput = z
  .object({
    villageId: z.number({ error: '请选择村社' }).int().positive(),
    personId: z.number({ error: '请选择被罢免的成员' }).int().positive(),
    demandedBy: z.enum(['选民', '村民代表'], { error: '请选择罢免要求的提出方' }),
    demanders: z.number({ error: '请填写联名人数' }).int().min(0),
    /** 村民代表 in all, when they demanded it. */
    representatives: z.number().int().min(1).nullable().default(null),
    reason: z.string().trim().min(1, '请填写罢免理由').max(500),
    heldOn: z.string().refine(isIsoDate, '表决日期格式应为 YYYY-MM-DD'),
    registered: z.number({ error: '请填写登记选民数' }).int().min(1, '登记选民数至少为1'),
    voted: z.number({ error: '请填写参加投票人数' }).int().min(0),
    yes: z.number({ error: '请填写赞成票' }).int().min(0),
    no: z.number({ error: '请填写反对票' }).int().min(0),
    invalid: z.number({ error: '请填写弃权和无效票' }).int().min(0),
    note: z.string().trim().max(500).default('')
  })
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (r.demandedBy === '村民代表' && r.representatives === null) issue('representatives', '由村民代表提出罢免要求时，须填写村民代表总人数')
    if (r.demandedBy === '村民代表' && r.representatives !== null && r.demanders > r.representatives) issue('demanders', `联名的村民代表（${r.demanders}）不能多于村民代表总数（${r.representatives}）`)
    if (r.demandedBy === '选民' && r.demanders > r.registered) issue('demanders', `联名选民（${r.demanders}）不能多于登记选民数（${r.registered}）`)
    if (r.voted > r.registered) issue('voted', `参加投票人数（${r.voted}）不能多于登记选民数（${r.registered}）`)
    if (r.yes + r.no + r.invalid !== r.voted) issue('yes', `赞成（${r.yes}）、反对（${r.no}）与弃权、无效（${r.invalid}）之和应等于参加投票人数（${r.voted}）`)
  })
export type RecallData = z.output<typeof recallInput>

export interface RecallDecision {
  demandOk: boolean
  valid: boolean
  passed: boolean
  reasons: string[]
}

const THIRD = { num: 1, den: 3 }
const FIFTH = { num: 1, den: 5 }
const HALF = { num: 1, den: 2 }

export function decideRecall(r: Pick<RecallData, 'demandedBy' | 'demanders' | 'representatives' | 'registered' | 'voted' | 'yes'>): RecallDecision {
  const base = r.demandedBy === '选民' ? r.registered : (r.representatives ?? 0)
  const need = atLeast(base, r.demandedBy === '选民' ? FIFTH : THIRD)
  const demandOk = r.demanders >= need
  const share = r.demandedBy === '选民' ? '五分之一' : '三分之一'
  const reasons = [
    `${r.demandedBy === '选民' ? '登记选民' : '村民代表'}${base}人，联名${r.demanders}人，${demandOk ? '达到' : '不足'}${share}以上（至少需${need}人）${demandOk ? '' : '，罢免要求不成立'}`
  ]
  const voters = moreThan(r.registered, HALF)
  const valid = demandOk && r.voted >= voters
  if (demandOk) reasons.push(`登记选民${r.registered}人，参加投票${r.voted}人，${valid ? '超过' : '未超过'}半数（至少需${voters}人），罢免表决${valid ? '有效' : '无效'}`)
  const votes = moreThan(r.voted, HALF)
  const passed = valid && r.yes >= votes
  if (valid) reasons.push(`赞成${r.yes}票，${passed ? '超过' : '未超过'}投票人数${r.voted}的半数（至少需${votes}票），罢免${passed ? '通过' : '未通过'}`)
  return { demandOk, valid, passed, reasons }
}

export interface RecallRecord extends RecallData {
  id: number
  name: string
  post: '主任' | '副主任' | '委员'
  villageName: string
  decision: RecallDecision
}

export const RECALL_LABELS: Record<string, string> = {
  personId: '被罢免成员', demandedBy: '提出方', demanders: '联名人数', representatives: '村民代表总数', reason: '罢免理由',
  heldOn: '表决日期', registered: '登记选民数', voted: '参加投票人数', yes: '赞成票', no: '反对票', invalid: '弃权和无效票'
}
