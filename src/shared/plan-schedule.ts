import { z } from 'zod'
import { addDays, daysBetween, isIsoDate } from './dates'

/**
 * The round's plan (倒排工期): a template of steps laid out backwards from a village's election dates,
 * with the legal minimums checked against the planned and the actual dates. Pure: "today" is a parameter.
 */
export const PLAN_SIDES = ['党组织', '村委会'] as const
export type PlanSide = (typeof PLAN_SIDES)[number]

export const planStepTemplate = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/, '步骤代码只能用小写字母、数字和 -'),
  name: z.string().trim().min(1, '步骤名称不能为空').max(40, '步骤名称不能超过40个字'),
  side: z.enum(PLAN_SIDES, { error: '所属应为党组织或村委会' }),
  durationDays: z.number({ error: '天数应为数字' }).int('天数应为整数').min(1, '天数至少为1').max(90, '天数不能超过90'),
  after: z.string().nullable().default(null),
  isVote: z.boolean().default(false),
  /** Legal minimum: done at least this many days before the vote of its side. */
  minDaysBeforeVote: z.number().int().min(1).max(120).nullable().default(null),
  /** Legal maximum: done within this many days after the vote of its side. */
  maxDaysAfterVote: z.number().int().min(1).max(120).nullable().default(null)
})

export type PlanStepTemplate = z.output<typeof planStepTemplate>

export const planTemplate = z
  .array(planStepTemplate)
  .min(1, '工作计划至少要有一个步骤')
  .max(60, '工作计划最多60个步骤')
  .superRefine((steps, ctx) => {
    const seen = new Map<string, PlanStepTemplate>()
    steps.forEach((s, i) => {
      if (seen.has(s.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `步骤代码“${s.key}”重复` })
      if (s.after !== null) {
        const parent = seen.get(s.after)
        if (!parent) ctx.addIssue({ code: 'custom', path: [i, 'after'], message: `“${s.name}”的前置步骤必须排在它前面` })
        else if (parent.side !== s.side) ctx.addIssue({ code: 'custom', path: [i, 'after'], message: `“${s.name}”的前置步骤应属于同一方（${s.side}）` })
      }
      if (s.isVote && (s.minDaysBeforeVote !== null || s.maxDaysAfterVote !== null)) {
        ctx.addIssue({ code: 'custom', path: [i, 'isVote'], message: '选举日本身不设法定天数' })
      }
      seen.set(s.key, s)
    })
    for (const side of PLAN_SIDES) {
      const sideSteps = steps.filter((s) => s.side === side)
      const votes = sideSteps.filter((s) => s.isVote).length
      if (sideSteps.length > 0 && votes !== 1) {
        ctx.addIssue({ code: 'custom', path: [], message: `${side}的步骤中应有且只有一个“选举日”步骤` })
      }
    }
  })

const step = (
  key: string,
  name: string,
  side: PlanSide,
  durationDays: number,
  after: string | null,
  extra: Partial<Pick<PlanStepTemplate, 'isVote' | 'minDaysBeforeVote' | 'maxDaysAfterVote'>> = {}
): PlanStepTemplate => ({ key, name, side, durationDays, after, isVote: false, minDaysBeforeVote: null, maxDaysAfterVote: null, ...extra })

/** DOMAIN.md "Process checklist": Party organisation first, then the villagers' committee. */
export const DEFAULT_PLAN_TEMPLATE: PlanStepTemplate[] = [
  step('p-prep', '党组织换届准备（摸底、方案、报批）', '党组织', 5, null),
  step('p-recommend', '两推（党员推荐、群众推荐）', '党组织', 3, 'p-prep'),
  step('p-review', '候选人预备人选资格审查', '党组织', 5, 'p-recommend'),
  step('p-approve', '确定并报批候选人预备人选', '党组织', 3, 'p-review'),
  step('p-vote', '党员大会选举', '党组织', 1, 'p-approve', { isVote: true }),
  step('p-report', '选举结果报批', '党组织', 3, 'p-vote'),
  step('c-prep', '前期准备（联席会议、推选选举委员会、发布公告）', '村委会', 5, null),
  step('c-register', '选民登记', '村委会', 5, 'c-prep'),
  step('c-voterlist', '公布选民名单', '村委会', 1, 'c-register', { minDaysBeforeVote: 20 }),
  // 申诉 within 5 days of publication, answered within 3 more: the step ends no earlier than publication + 5 + 3.
  step('c-appeal', '申诉处理', '村委会', 8, 'c-voterlist'),
  step('c-reps', '推选村民代表、村民小组长', '村委会', 3, 'c-appeal'),
  step('c-nominate', '提名初步候选人', '村委会', 3, 'c-reps'),
  step('c-primary', '竞选、预选', '村委会', 3, 'c-nominate'),
  step('c-review', '资格联审', '村委会', 7, 'c-primary'),
  step('c-candidates', '公布正式候选人', '村委会', 1, 'c-review', { minDaysBeforeVote: 5 }),
  step('c-prepare', '选举准备（投票站、流动票箱、委托投票、计票人员）', '村委会', 3, 'c-candidates'),
  step('c-vote', '选举日', '村委会', 1, 'c-prepare', { isVote: true }),
  step('c-report', '报送选举结果报告单', '村委会', 1, 'c-vote'),
  step('c-supervision', '选举村务监督委员会', '村委会', 7, 'c-report'),
  step('c-handover', '工作移交', '村委会', 10, 'c-vote', { maxDaysAfterVote: 10 }),
  step('c-archive', '资料归档', '村委会', 5, 'c-supervision')
]

export interface ScheduledStep extends PlanStepTemplate {
  /** null when the side's election date is not set yet. */
  start: string | null
  end: string | null
  /** The last date the law allows for this step, or null when it has no legal limit. */
  legalLatest: string | null
  /** The clerk moved the planned date by hand. */
  overridden: boolean
}

export interface VoteDates {
  partyElectionDate: string | null
  committeeElectionDate: string | null
}

/**
 * 倒排工期: every step from which the vote can be reached is laid out backwards from the vote (ending the day
 * before its earliest follower starts, and never later than its legal limit); the others forwards from the
 * step they follow. `overrides` (step key → planned end date) replace a computed date; the steps before a
 * hand-set one are then laid out backwards from it, and a date that breaks a legal limit is kept and flagged.
 */
export function schedulePlan(template: PlanStepTemplate[], dates: VoteDates, overrides: Record<string, string> = {}): ScheduledStep[] {
  const byKey = new Map(template.map((s) => [s.key, s]))
  const children = new Map<string, string[]>()
  for (const s of template) if (s.after) children.set(s.after, [...(children.get(s.after) ?? []), s.key])
  const reachesVote = new Map<string, boolean>()
  const reaches = (key: string): boolean => {
    const known = reachesVote.get(key)
    if (known !== undefined) return known
    const s = byKey.get(key)!
    const r = s.isVote || (children.get(key) ?? []).some(reaches)
    reachesVote.set(key, r)
    return r
  }

  const result = new Map<string, ScheduledStep>()
  const voteOf = (side: PlanSide) => (side === '党组织' ? dates.partyElectionDate : dates.committeeElectionDate)
  const place = (s: PlanStepTemplate, start: string | null, end: string | null) => {
    const vote = voteOf(s.side)
    const legalLatest =
      vote === null ? null : s.minDaysBeforeVote !== null ? addDays(vote, -s.minDaysBeforeVote) : s.maxDaysAfterVote !== null ? addDays(vote, s.maxDaysAfterVote) : null
    const override = overrides[s.key]
    if (override && vote !== null) {
      result.set(s.key, { ...s, start: addDays(override, 1 - s.durationDays), end: override, legalLatest, overridden: true })
    } else {
      result.set(s.key, { ...s, start, end, legalLatest, overridden: false })
    }
  }

  // Backwards: followers first, so walk the template (where a step always comes after the one it follows) in reverse.
  for (const s of [...template].reverse()) {
    if (!reaches(s.key)) continue
    const vote = voteOf(s.side)
    if (vote === null) {
      place(s, null, null)
      continue
    }
    let end: string
    if (s.isVote) end = addDays(vote, s.durationDays - 1)
    else {
      const followerStarts = (children.get(s.key) ?? [])
        .filter(reaches)
        .map((k) => result.get(k)!.start!)
        .sort()
      end = addDays(followerStarts[0], -1)
      if (s.minDaysBeforeVote !== null) end = minDate(end, addDays(vote, -s.minDaysBeforeVote))
    }
    place(s, s.isVote ? vote : addDays(end, 1 - s.durationDays), end)
  }
  // Forwards: what comes after the vote, in template order so the step followed is always placed first.
  for (const s of template) {
    if (reaches(s.key)) continue
    const parentEnd = s.after ? result.get(s.after)?.end ?? null : null
    const vote = voteOf(s.side)
    if (vote === null || (s.after && parentEnd === null)) {
      place(s, null, null)
      continue
    }
    const start = parentEnd ? addDays(parentEnd, 1) : vote
    place(s, start, addDays(start, s.durationDays - 1))
  }
  return template.map((s) => result.get(s.key)!)
}

function minDate(a: string, b: string): string {
  return a < b ? a : b
}

export interface StepTick {
  stepKey: string
  doneOn: string | null
  plannedOn: string | null
  note: string
  doneBy: string
}

export type StepState = '已完成' | '已逾期' | '进行中' | '未开始' | '未排期'

export interface StepProblem {
  level: 'breach' | 'warning'
  message: string
}

export interface StepStatus extends ScheduledStep {
  state: StepState
  doneOn: string | null
  note: string
  doneBy: string
  problems: StepProblem[]
}

/** How close to a legal deadline a step must get before it is called out. */
export const LEGAL_WARNING_DAYS = 3

export function evaluatePlan(steps: ScheduledStep[], ticks: StepTick[], today: string): StepStatus[] {
  const tickOf = new Map(ticks.map((t) => [t.stepKey, t]))
  const byKey = new Map(steps.map((s) => [s.key, s]))
  return steps.map((s) => {
    const t = tickOf.get(s.key)
    const doneOn = t?.doneOn ?? null
    const problems: StepProblem[] = []
    const limit = legalLimitText(s)
    if (doneOn !== null) {
      if (s.legalLatest && doneOn > s.legalLatest) problems.push({ level: 'breach', message: `实际完成日期 ${doneOn} 晚于法定最迟日期 ${s.legalLatest}（${limit}）` })
    } else if (s.legalLatest) {
      if (s.legalLatest < today) {
        problems.push({ level: 'breach', message: `已过法定最迟日期 ${s.legalLatest}（${limit}），须调整选举日期或报告` })
      } else if (s.end && s.end > s.legalLatest) {
        problems.push({ level: 'breach', message: `计划日期 ${s.end} 晚于法定最迟日期 ${s.legalLatest}（${limit}）` })
      } else {
        const left = daysBetween(today, s.legalLatest)
        if (left <= LEGAL_WARNING_DAYS) problems.push({ level: 'warning', message: `距法定最迟日期 ${s.legalLatest} 仅剩 ${left} 天（${limit}）` })
      }
    }
    const parent = s.after ? byKey.get(s.after) : undefined
    if (s.overridden && parent?.end && s.start && s.start <= parent.end) {
      problems.push({ level: 'warning', message: `计划开始日期早于前置步骤“${parent.name}”的完成日期 ${parent.end}` })
    }
    return { ...s, state: stateOf(s, doneOn, today), doneOn, note: t?.note ?? '', doneBy: t?.doneBy ?? '', problems }
  })
}

function stateOf(s: ScheduledStep, doneOn: string | null, today: string): StepState {
  if (doneOn !== null) return '已完成'
  if (s.start === null || s.end === null) return '未排期'
  if (s.end < today) return '已逾期'
  if (s.start <= today) return '进行中'
  return '未开始'
}

export function legalLimitText(s: PlanStepTemplate): string {
  if (s.minDaysBeforeVote !== null) return `应在选举日前至少 ${s.minDaysBeforeVote} 天`
  if (s.maxDaysAfterVote !== null) return `应在选举后 ${s.maxDaysAfterVote} 天内`
  return ''
}

/** Why a step cannot be ticked as done on `doneOn`, or null when it can. */
export function tickProblem(steps: StepStatus[], key: string, doneOn: string, today: string): string | null {
  if (!isIsoDate(doneOn)) return '完成日期格式应为 YYYY-MM-DD'
  const s = steps.find((x) => x.key === key)
  if (!s) return '该步骤不在当前工作计划中'
  if (s.doneOn !== null) return `“${s.name}”已于 ${s.doneOn} 完成`
  if (doneOn > today) return '完成日期不能晚于今天'
  if (s.after) {
    const parent = steps.find((x) => x.key === s.after)!
    if (parent.doneOn === null) return `须先完成前置步骤“${parent.name}”`
    if (doneOn < parent.doneOn) return `完成日期不能早于前置步骤“${parent.name}”的完成日期 ${parent.doneOn}`
  }
  return null
}

/** Why a done step cannot be un-ticked, or null. */
export function untickProblem(steps: StepStatus[], key: string): string | null {
  const s = steps.find((x) => x.key === key)
  if (!s || s.doneOn === null) return '该步骤尚未完成'
  const done = steps.filter((x) => x.after === key && x.doneOn !== null)
  if (done.length > 0) return `后续步骤“${done.map((x) => x.name).join('、')}”已完成，须先撤销它们`
  return null
}

/** The legal problem a date would cause, shown while the clerk is still choosing it. */
export function dateProblem(s: ScheduledStep, date: string): string | null {
  if (s.legalLatest && date > s.legalLatest) return `${date} 晚于法定最迟日期 ${s.legalLatest}（${legalLimitText(s)}）`
  return null
}

/** Village-level problems with the two election dates themselves. */
export function voteDateProblems(dates: VoteDates): string[] {
  const out: string[] = []
  if (dates.partyElectionDate && dates.committeeElectionDate && dates.committeeElectionDate <= dates.partyElectionDate) {
    out.push('村(居)委会选举应在党组织换届之后进行')
  }
  return out
}
