import type { RecordedStage, Severity, Stage, StageResult, Verdict } from './candidate'
import { isOneShoulder, type Seats } from './seats'

/** The settings the vetting rules read; defaults live in shared/settings.ts. */
export interface VettingRules {
  departments: string[]
  meetingLevels: string[]
  weights: { party: number; representatives: number; satisfaction: number }
  /** 不满意率 above this percentage bars an incumbent. */
  unsatisfiedThreshold: number
  publicityDays: number
  /** Party committee candidates must exceed seats by at least this percentage. */
  partyMarginPercent: number
  /** Share of villages expected to have a 一肩挑 candidate, in percent. */
  oneShoulderTarget: number
}

export interface StageRecord {
  id: number
  candidateId: number
  stage: RecordedStage
  level: string
  result: StageResult
  decidedOn: string
  decider: string
  docNo: string
  note: string
  publicityStart: string | null
  publicityEnd: string | null
  objections: string
  createdAt: string
}

export interface VerdictRecord {
  id: number
  candidateId: number
  department: string
  verdict: Verdict
  reason: string
  sentOn: string
  decidedOn: string | null
}

export interface FindingRecord {
  id: number
  personId: number
  itemCode: string
  itemText: string
  severity: Severity
  department: string
  evidence: string
  foundOn: string
  decision: '' | '准予继续' | '不予提名'
  decidedBy: string
  decidedOn: string | null
  decisionNote: string
}

export interface EvaluationVotes {
  heldOn: string
  partyBallots: number
  partyTrust: number
  repBallots: number
  repTrust: number
  satisfied: number
  basicallySatisfied: number
  unsatisfied: number
}

export interface EvaluationScore {
  /** Percentages, 0–100. */
  partyRate: number
  repRate: number
  satisfactionRate: number
  unsatisfiedRate: number
  combined: number
  threshold: number
  barred: boolean
}

/**
 * 两票一度: 党员信任票率, 村民代表信任票率 and 满意率 ((满意 + 基本满意) / all), combined with the weights.
 * An incumbent whose 不满意率 is above the threshold cannot stand again.
 */
export function scoreEvaluation(v: EvaluationVotes, rules: Pick<VettingRules, 'weights' | 'unsatisfiedThreshold'>): EvaluationScore {
  const pct = (n: number, d: number) => (d > 0 ? (n / d) * 100 : 0)
  const all = v.satisfied + v.basicallySatisfied + v.unsatisfied
  const partyRate = pct(v.partyTrust, v.partyBallots)
  const repRate = pct(v.repTrust, v.repBallots)
  const satisfactionRate = pct(v.satisfied + v.basicallySatisfied, all)
  const unsatisfiedRate = pct(v.unsatisfied, all)
  const w = rules.weights
  const sum = w.party + w.representatives + w.satisfaction
  const combined = sum > 0 ? (w.party * partyRate + w.representatives * repRate + w.satisfaction * satisfactionRate) / sum : 0
  return {
    partyRate,
    repRate,
    satisfactionRate,
    unsatisfiedRate,
    combined,
    threshold: rules.unsatisfiedThreshold,
    // Compare in whole votes so that 30% of 10 votes is exactly at the threshold, not above it by rounding.
    barred: v.unsatisfied * 100 > rules.unsatisfiedThreshold * all
  }
}

export const percent = (x: number): string => `${x.toFixed(1)}%`

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

export type StepState = '通过' | '不通过' | '当前' | '未到' | '不适用' | '当选' | '落选'

export interface Step {
  stage: Stage
  /** 会审 only. */
  level: string
  state: StepState
  date: string | null
  decider: string
  docNo: string
  note: string
}

export type CandidateStatus = '进行中' | '已停止' | '正式候选人' | '当选' | '落选'

export interface Progress {
  steps: Step[]
  /** The stage to decide next, null when stopped or finished. */
  current: Stage | null
  /** 会审 level to decide next. */
  currentLevel: string | null
  status: CandidateStatus
  stopped: { stage: Stage | '负面清单'; reason: string } | null
  /** A 不宜 finding with no decision yet: nothing may be passed until the township decides. */
  pendingDecision: string | null
  /** Date of the last step decided, so that a later one cannot be dated before it. */
  lastDate: string | null
  /** Departments that have not answered 联审 yet. */
  awaiting: string[]
}

export interface ProgressInput {
  incumbent: boolean
  proposedOn: string
  evaluation: EvaluationVotes | null
  verdicts: VerdictRecord[]
  stages: StageRecord[]
  findings: FindingRecord[]
  rules: VettingRules
}

/** Where a candidate stands on the vetting path, derived from the records alone. */
export function computeProgress(input: ProgressInput): Progress {
  const { rules } = input
  const steps: Step[] = []
  let current: Stage | null = null
  let currentLevel: string | null = null
  let stopped: Progress['stopped'] = null
  let lastDate: string | null = null
  const blank = { level: '', decider: '', docNo: '', note: '' }
  const halted = () => current !== null || stopped !== null

  const add = (step: Step) => {
    if (halted()) {
      steps.push({ ...step, state: step.state === '不适用' ? '不适用' : '未到', date: null, decider: '', docNo: '', note: '' })
      return
    }
    steps.push(step)
    if (step.state === '当前') {
      current = step.stage
      if (step.stage === '会审') currentLevel = step.level
    } else if (step.state === '不通过') {
      stopped = { stage: step.stage, reason: step.note }
    } else if (step.date && step.state !== '不适用') {
      lastDate = step.date
    }
  }
  const fromRecord = (stage: RecordedStage, level = '') => {
    const r = input.stages.find((s) => s.stage === stage && s.level === level)
    if (!r) return add({ stage, ...blank, level, state: '当前', date: null })
    const extra =
      stage === '公示' ? [r.publicityStart ? `公示 ${r.publicityStart} 至 ${r.publicityEnd}` : '', r.objections ? `异议：${r.objections}` : ''] : []
    const note = [r.note, ...extra].filter(Boolean).join('；')
    add({ stage, level, state: r.result, date: r.decidedOn, decider: r.decider, docNo: r.docNo, note })
  }

  add({ stage: '摸排', ...blank, state: '通过', date: input.proposedOn })

  if (!input.incumbent) add({ stage: '民主测评', ...blank, state: '不适用', date: null, note: '新提名人选无需测评' })
  else if (!input.evaluation) add({ stage: '民主测评', ...blank, state: '当前', date: null })
  else {
    const s = scoreEvaluation(input.evaluation, rules)
    const summary = `综合得分 ${s.combined.toFixed(1)}，不满意率 ${percent(s.unsatisfiedRate)}`
    add({
      stage: '民主测评',
      ...blank,
      state: s.barred ? '不通过' : '通过',
      date: input.evaluation.heldOn,
      decider: '民主测评',
      note: s.barred ? `${summary}，超过${s.threshold}%，现任干部不能再作为候选人` : summary
    })
  }

  fromRecord('资格初审')

  const byDept = new Map(input.verdicts.map((v) => [v.department, v]))
  const refused = input.verdicts.filter((v) => v.verdict === '不通过')
  const awaiting = rules.departments.filter((d) => byDept.get(d)?.verdict !== '通过' && byDept.get(d)?.verdict !== '不通过')
  if (refused.length > 0) {
    const date = refused.map((v) => v.decidedOn ?? '').sort().at(-1) || null
    add({ stage: '县级联审', ...blank, state: '不通过', date, decider: refused.map((v) => v.department).join('、'), note: refused.map((v) => `${v.department}：${v.reason}`).join('；') })
  } else if (awaiting.length === 0 && rules.departments.length > 0) {
    const date = input.verdicts.map((v) => v.decidedOn ?? '').sort().at(-1) || null
    add({ stage: '县级联审', ...blank, state: '通过', date, decider: `${rules.departments.length}个联审部门` })
  } else {
    const sent = input.verdicts.length > 0
    add({ stage: '县级联审', ...blank, state: '当前', date: null, note: sent ? `待反馈：${awaiting.join('、')}` : '尚未送审' })
  }

  fromRecord('考察')
  for (const level of rules.meetingLevels) fromRecord('会审', level)
  fromRecord('公示')
  fromRecord('确定为正式候选人')
  fromRecord('选举')

  let pendingDecision: string | null = null
  if (!stopped) {
    const barring = input.findings.find((f) => f.severity === '不能' || f.decision === '不予提名')
    if (barring) {
      stopped = {
        stage: '负面清单',
        reason:
          barring.severity === '不能'
            ? `负面清单“不能”情形：${barring.itemText}（${barring.department}）`
            : `负面清单“不宜”情形经研究不予提名：${barring.itemText}`
      }
      current = null
      currentLevel = null
    }
  }
  const undecided = input.findings.find((f) => f.severity === '不宜' && f.decision === '')
  if (undecided) pendingDecision = `负面清单“不宜”情形待研究决定：${undecided.itemText}`

  const election = input.stages.find((s) => s.stage === '选举')
  const status: CandidateStatus = stopped
    ? '已停止'
    : election
      ? (election.result as '当选' | '落选')
      : input.stages.some((s) => s.stage === '确定为正式候选人' && s.result === '通过')
        ? '正式候选人'
        : '进行中'
  return { steps, current, currentLevel, status, stopped, pendingDecision, lastDate, awaiting }
}

/**
 * Why a stage cannot be recorded now, or null when it can. The same check runs in the API (which refuses)
 * and in the UI (which offers only the stage that is due).
 */
export function stageRefusal(
  p: Progress,
  r: { stage: RecordedStage; level: string; result: StageResult; decidedOn: string; publicityEnd: string | null }
): string | null {
  if (p.stopped) return `该人选已在“${p.stopped.stage}”停止（${p.stopped.reason}），不能继续记录`
  if (p.current === null) return '该人选的各环节均已完成'
  const done = p.steps.some((s) => s.stage === r.stage && s.level === r.level && s.state !== '当前' && s.state !== '未到')
  if (done) return `“${r.stage}${r.level ? `（${r.level}）` : ''}”已有记录`
  if (p.current !== r.stage) {
    const detail = p.current === '县级联审' && p.awaiting.length > 0 ? `（待反馈：${p.awaiting.join('、')}）` : ''
    return `须先完成“${p.current}”环节${detail}，才能记录“${r.stage}”`
  }
  if (r.stage === '会审' && r.level !== p.currentLevel) return `须先完成“${p.currentLevel}”会审，才能记录“${r.level}”`
  const passing = r.result === '通过' || r.result === '当选'
  if (passing && p.pendingDecision) return `${p.pendingDecision}，研究决定前不能通过任何环节`
  if (p.lastDate && r.decidedOn < p.lastDate) return `日期 ${r.decidedOn} 早于上一环节的日期 ${p.lastDate}`
  if (r.stage === '公示' && r.result === '通过' && r.publicityEnd && r.decidedOn <= r.publicityEnd) {
    return `公示期至 ${r.publicityEnd} 止，期满后才能确定公示结果`
  }
  return null
}

export interface RuleCandidate extends Seats {
  personId: number
  villageId: number
  sex: '男' | '女' | null
  status: CandidateStatus
}

export interface RuleCheck {
  key: 'partyMargin' | 'committeeMargin' | 'women' | 'oneShoulder' | 'oneVillage'
  label: string
  /** null: cannot be judged yet (seats not entered). */
  ok: boolean | null
  message: string
}

/** Candidates still in the running count towards 差额 and the women rule; stopped ones do not. */
export const inRunning = (c: { status: CandidateStatus }) => c.status !== '已停止' && c.status !== '落选'

/** The rules the village's candidate page shows: 差额 on both sides, women, 一肩挑, one person one village. */
export function villageRuleChecks(
  village: { id: number; partySeats: number | null; committeeSeats: number | null },
  township: RuleCandidate[],
  rules: Pick<VettingRules, 'partyMarginPercent' | 'oneShoulderTarget'>
): RuleCheck[] {
  const mine = township.filter((c) => c.villageId === village.id && inRunning(c))
  const party = mine.filter((c) => c.partyPost !== null).length
  const committee = mine.filter((c) => c.committeePost !== null)
  const checks: RuleCheck[] = []

  if (village.partySeats === null) {
    checks.push({ key: 'partyMargin', label: '党组织差额', ok: null, message: '未填写党组织职数，无法判断差额' })
  } else {
    const need = Math.ceil((village.partySeats * (100 + rules.partyMarginPercent)) / 100)
    checks.push({
      key: 'partyMargin',
      label: '党组织差额',
      ok: party >= need,
      message: `党组织委员人选 ${party} 人，职数 ${village.partySeats} 人，差额不少于${rules.partyMarginPercent}%需至少 ${need} 人`
    })
  }
  if (village.committeeSeats === null) {
    checks.push({ key: 'committeeMargin', label: '村委会差额', ok: null, message: '未填写村(居)委会职数，无法判断差额' })
  } else {
    checks.push({
      key: 'committeeMargin',
      label: '村委会差额',
      ok: committee.length > village.committeeSeats,
      message: `村(居)委会人选 ${committee.length} 人，职数 ${village.committeeSeats} 人，人选应多于职数`
    })
  }
  const women = committee.filter((c) => c.sex === '女').length
  checks.push({
    key: 'women',
    label: '女性人选',
    ok: women > 0,
    message: women > 0 ? `村(居)委会人选中有女性 ${women} 人` : '村(居)委会人选中没有女性，村(居)委会成员应当有妇女成员'
  })
  const oneShoulder = mine.some(isOneShoulder)
  const required = rules.oneShoulderTarget >= 100
  checks.push({
    key: 'oneShoulder',
    label: '一肩挑',
    ok: oneShoulder ? true : required ? false : null,
    message: oneShoulder
      ? '已有书记兼主任(一肩挑)人选'
      : `尚无一肩挑人选（全乡镇目标 ${rules.oneShoulderTarget}%）`
  })
  const elsewhere = mine.filter((c) => township.some((o) => o.personId === c.personId && o.villageId !== village.id))
  checks.push({
    key: 'oneVillage',
    label: '一人一村',
    ok: elsewhere.length === 0,
    message: elsewhere.length === 0 ? '本村人选均未被提名到其他村' : `有 ${elsewhere.length} 人同时被提名到其他村`
  })
  return checks
}
