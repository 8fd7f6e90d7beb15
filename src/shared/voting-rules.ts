import { z } from 'zod'
import { DEFAULT_THRESHOLDS } from './election-rules'

const days = (label: string, max: number) =>
  z.number({ error: `${label}应为数字` }).int(`${label}应为整数`).min(1, `${label}至少为1`).max(max, `${label}不能超过${max}`)

const fraction = (label: string) =>
  z
    .object({
      num: z.number().int().min(1, `${label}的分子至少为1`),
      den: z.number().int().min(1, `${label}的分母至少为1`)
    })
    .refine((f) => f.num < f.den, `${label}应小于1`)

const rule = {
  publicationDaysBefore: days('公布天数', 90),
  objectionDays: days('申诉期限', 30),
  answerDays: days('答复期限', 30),
  proxyLimit: days('委托上限', 10),
  thresholds: z.object({
    turnout: fraction('选举有效的投票比例'),
    elected: fraction('当选的得票比例'),
    runoffMin: fraction('另行选举的最低得票比例'),
    partyQuorum: fraction('党员大会的到会比例'),
    partyElected: fraction('党组织当选的得票比例')
  })
}

/** The numbers of voter registration and election day that provinces set differently, as stored: a rule an older build did not know takes its default. */
export const votingRules = z.object({
  publicationDaysBefore: rule.publicationDaysBefore.default(20),
  objectionDays: rule.objectionDays.default(5),
  answerDays: rule.answerDays.default(3),
  proxyLimit: rule.proxyLimit.default(3),
  thresholds: rule.thresholds.default(DEFAULT_THRESHOLDS)
})

/** What saving the rules takes: every rule, so that one left out is refused instead of put back to its default. */
export const votingRulesInput = z.object(rule)

export const VOTING_RULE_LABELS: Record<keyof typeof rule, string> = {
  publicationDaysBefore: '选民名单公布天数',
  objectionDays: '申诉期限',
  answerDays: '答复期限',
  proxyLimit: '委托投票上限',
  thresholds: '法定比例'
}

export type VotingRules = z.output<typeof votingRules>
export const DEFAULT_VOTING_RULES: VotingRules = votingRules.parse({})
