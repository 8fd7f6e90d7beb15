import type { z } from 'zod'
import type { EvaluationData, StageData, findingDecisionInput, findingInput, verdictInput } from '../../shared/candidate'
import { failure } from '../../shared/result'
import { daysBetween, scoreEvaluation, stageRefusal, type FindingRecord, type StageRecord, type VerdictRecord } from '../../shared/vetting-rules'
import { notFuture, type CandidateService, type CandidateView, type EvaluationView } from './candidates'
import type { Clock } from './clock'
import type { CalendarService } from './official-calendar'
import { lastWorkingDay } from '../../shared/official-calendar'
import type { PersonService } from './persons'
import type { SettingsService } from './settings'
import type { Store } from './store'
import { FINDING_COLUMNS, STAGE_COLUMNS, VERDICT_COLUMNS, evaluationsByCandidate, findingsByPerson, verdictsByCandidate } from './vetting-records'
import { negativeListSetting } from '../../shared/settings'

export interface ReviewBoard {
  departments: string[]
  today: string
  rows: { candidate: CandidateView; verdicts: Record<string, VerdictRecord | undefined> }[]
  /** Per department: how many have not answered for candidates still in the running, and how long the oldest has waited (days since sent). */
  pendingByDepartment: { department: string; pending: number; oldestDays: number | null }[]
  pendingByVillage: { villageId: number; villageName: string; pending: number; oldestDays: number | null }[]
}

/**
 * Decisions on the vetting path. Every write first computes where the candidate stands and refuses a step
 * out of order with the reason, so the API enforces what the UI offers.
 */
export class VettingService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly candidates: CandidateService,
    private readonly persons: PersonService,
    private readonly settings: SettingsService,
    private readonly calendar: CalendarService
  ) {}

  recordStage(data: StageData): CandidateView {
    notFuture(data.decidedOn, 'decidedOn', this.clock.today())
    return this.store.write((audit) => {
      const c = this.candidates.require(data.candidateId)
      const rules = this.candidates.rules()
      const level = data.stage === '会审' ? data.level : ''
      const publicityEnd = data.stage === '公示' && data.publicityStart ? lastWorkingDay(data.publicityStart, rules.publicityDays, this.calendar.calendar()) : null
      if (data.stage === '会审' && !rules.meetingLevels.includes(level)) {
        throw failure('validation', `“${level}”不是设置中的会审层级`, { level: '不在会审层级中' })
      }
      if (publicityEnd && data.publicityStart! < (c.progress.lastDate ?? '')) {
        throw failure('validation', `公示开始日期早于上一环节的日期 ${c.progress.lastDate}`, { publicityStart: '早于上一环节' })
      }
      if (publicityEnd && data.decidedOn < data.publicityStart!) {
        throw failure('validation', '公示结果日期早于公示开始日期', { decidedOn: '早于公示开始日期' })
      }
      const refusal = stageRefusal(c.progress, { stage: data.stage, level, result: data.result, decidedOn: data.decidedOn, publicityEnd })
      if (refusal) throw failure('out_of_order', refusal)
      const info = this.store.run(
        `INSERT INTO candidate_stages (candidate_id, stage, level, result, decided_on, decider, doc_no, note, publicity_start, publicity_end, objections, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        c.id, data.stage, level, data.result, data.decidedOn, data.decider, data.docNo, data.note, publicityEnd ? data.publicityStart : null, publicityEnd, data.objections, this.clock.now()
      )
      const record = this.stage(Number(info.lastInsertRowid))
      audit({
        action: 'create',
        entity: 'candidate_stage',
        entityId: record.id,
        summary: `${c.villageName}人选“${c.name}”${data.stage}${level ? `（${level}）` : ''}：${data.result}`,
        after: record
      })
      if (data.stage === '确定为正式候选人' && data.result === '通过' && c.pool !== '正式候选人') {
        this.store.run(`UPDATE candidates SET pool = '正式候选人', updated_at = ? WHERE id = ?`, this.clock.now(), c.id)
        audit({ action: 'update', entity: 'candidate', entityId: c.id, summary: `“${c.name}”确定为正式候选人`, before: { pool: c.pool }, after: { pool: '正式候选人' } })
      }
      return this.candidates.require(c.id)
    })
  }

  /** Takes back the latest recorded stage only, so a correction never leaves a later decision without its basis. */
  undoStage(candidateId: number): CandidateView {
    return this.store.write((audit) => {
      const c = this.candidates.require(candidateId)
      const last = this.store.value<number>('SELECT id FROM candidate_stages WHERE candidate_id = ? ORDER BY id DESC LIMIT 1', candidateId)
      if (last === undefined) throw failure('not_found', '该人选还没有可撤销的环节记录')
      const before = this.stage(last)
      this.store.run('DELETE FROM candidate_stages WHERE id = ?', last)
      if (before.stage === '确定为正式候选人' && before.result === '通过') {
        this.store.run(`UPDATE candidates SET pool = '初步人选', updated_at = ? WHERE id = ?`, this.clock.now(), candidateId)
      }
      audit({ action: 'delete', entity: 'candidate_stage', entityId: last, summary: `撤销“${c.name}”的${before.stage}${before.level ? `（${before.level}）` : ''}记录`, before })
      return this.candidates.require(candidateId)
    })
  }

  /** Sends a candidate to 县级联审: one 待反馈 row per configured department that has none yet. */
  sendToReview(candidateId: number, sentOn: string): CandidateView {
    notFuture(sentOn, 'sentOn', this.clock.today())
    return this.store.write((audit) => {
      const c = this.candidates.require(candidateId)
      if (c.progress.stopped) throw failure('out_of_order', `该人选已在“${c.progress.stopped.stage}”停止，不能送审`)
      if (c.progress.current !== '县级联审') throw failure('out_of_order', `须先完成“${c.progress.current ?? '前序'}”环节，才能送县级联审`)
      if (c.progress.lastDate && sentOn < c.progress.lastDate) throw failure('validation', `送审日期早于上一环节的日期 ${c.progress.lastDate}`)
      const added = this.candidates
        .rules()
        .departments.filter(
          (d) => this.store.run(`INSERT INTO review_verdicts (candidate_id, department, verdict, sent_on) VALUES (?, ?, '待反馈', ?) ON CONFLICT DO NOTHING`, candidateId, d, sentOn).changes > 0
        )
      if (added.length === 0) throw failure('conflict', '该人选已送各联审部门，无需重复送审')
      audit({ action: 'create', entity: 'review', entityId: candidateId, summary: `“${c.name}”送县级联审（${added.length}个部门）`, after: { departments: added, sentOn } })
      return this.candidates.require(candidateId)
    })
  }

  recordVerdict(data: z.output<typeof verdictInput>): CandidateView {
    if (data.decidedOn) notFuture(data.decidedOn, 'decidedOn', this.clock.today())
    return this.store.write((audit) => {
      const { candidate: c, existing } = this.verdictTarget(data.candidateId, data.department, data.decidedOn)
      const after = this.applyVerdict(existing.id, data)
      audit({
        action: 'update',
        entity: 'review_verdict',
        entityId: existing.id,
        summary: `${data.department}对“${c.name}”联审意见：${data.verdict}${data.reason ? `（${data.reason}）` : ''}`,
        before: existing,
        after
      })
      return this.candidates.require(c.id)
    })
  }

  /**
   * The verdict row a department's answer for a candidate goes into, or the failure that refuses it: not sent
   * to that department, stopped at another step, already past 考察, or answered before it was sent.
   */
  verdictTarget(candidateId: number, department: string, decidedOn: string | null): { candidate: CandidateView; existing: VerdictRecord } {
    const c = this.candidates.require(candidateId)
    const existing = (verdictsByCandidate(this.store, c.id).get(c.id) ?? []).find((v) => v.department === department)
    if (!existing) throw failure('out_of_order', `尚未送“${department}”联审，请先送审`, { department: '未送审' })
    if (c.progress.stopped && c.progress.stopped.stage !== '县级联审') {
      throw failure('out_of_order', `该人选已在“${c.progress.stopped.stage}”停止，不能再记录联审意见`)
    }
    if (c.progress.steps.some((s) => s.stage === '考察' && s.state !== '当前' && s.state !== '未到')) {
      throw failure('out_of_order', '该人选已进入考察以后的环节，联审意见不能再改')
    }
    if (decidedOn && decidedOn < existing.sentOn) {
      throw failure('validation', `反馈日期早于送审日期 ${existing.sentOn}`, { decidedOn: '早于送审日期' })
    }
    return { candidate: c, existing }
  }

  /** The row write alone, for a caller that checked it with `verdictTarget` inside its own transaction and audits it. */
  applyVerdict(verdictId: number, data: { verdict: VerdictRecord['verdict']; reason: string; decidedOn: string | null }): VerdictRecord {
    this.store.run(
      'UPDATE review_verdicts SET verdict = ?, reason = ?, decided_on = ? WHERE id = ?',
      data.verdict, data.reason, data.verdict === '待反馈' ? null : data.decidedOn, verdictId
    )
    return this.verdict(verdictId)
  }

  reviewBoard(villageId: number | null): ReviewBoard {
    const today = this.clock.today()
    const departments = this.candidates.rules().departments
    const sent = this.candidates.list({ villageId }).filter((c) => c.progress.steps.some((s) => s.stage === '县级联审') && this.wasSent(c.id))
    const verdicts = verdictsByCandidate(this.store)
    const rows = sent.map((candidate) => ({
      candidate,
      verdicts: Object.fromEntries((verdicts.get(candidate.id) ?? []).map((v) => [v.department, v])) as Record<string, VerdictRecord | undefined>
    }))
    const pendingOf = (vs: VerdictRecord[]) => {
      const waiting = vs.filter((v) => v.verdict === '待反馈')
      const oldest = waiting.map((v) => v.sentOn).sort()[0]
      return { pending: waiting.length, oldestDays: oldest ? daysBetween(oldest, today) : null }
    }
    const all = rows.flatMap((r) => Object.values(r.verdicts).filter((v): v is VerdictRecord => v !== undefined))
    // A candidate already stopped cannot go on, so departments are not chased for them.
    const open = new Set(rows.filter((r) => !r.candidate.progress.stopped).map((r) => r.candidate.id))
    const chased = all.filter((v) => open.has(v.candidateId))
    const names = new Set([...departments, ...all.map((v) => v.department)])
    const villages = new Map(rows.map((r) => [r.candidate.villageId, r.candidate.villageName]))
    return {
      departments: [...names],
      today,
      rows,
      pendingByDepartment: [...names].map((department) => ({ department, ...pendingOf(chased.filter((v) => v.department === department)) })),
      pendingByVillage: [...villages].map(([id, name]) => ({
        villageId: id,
        villageName: name,
        ...pendingOf(chased.filter((v) => rows.find((r) => r.candidate.id === v.candidateId)?.candidate.villageId === id))
      }))
    }
  }

  recordEvaluation(data: EvaluationData): EvaluationView & { candidate: CandidateView } {
    notFuture(data.heldOn, 'heldOn', this.clock.today())
    return this.store.write((audit) => {
      const c = this.candidates.require(data.candidateId)
      if (!c.incumbent) throw failure('validation', '民主测评针对现任干部；该人选是新提名人选，无需测评')
      const laterStage = this.store.value<number>('SELECT 1 FROM candidate_stages WHERE candidate_id = ?', c.id) !== undefined
      if (laterStage || this.wasSent(c.id)) throw failure('out_of_order', '该人选已进入后续环节，民主测评结果不能再改；如需更正请先撤销后续环节')
      if (data.heldOn < c.proposedOn) throw failure('validation', `测评日期早于摸排日期 ${c.proposedOn}`, { heldOn: '早于摸排日期' })
      const before = evaluationsByCandidate(this.store, c.id).get(c.id)
      this.store.run(
        `INSERT INTO evaluations (candidate_id, held_on, party_ballots, party_trust, rep_ballots, rep_trust, satisfied, basically_satisfied, unsatisfied, note)
         VALUES (@candidateId, @heldOn, @partyBallots, @partyTrust, @repBallots, @repTrust, @satisfied, @basicallySatisfied, @unsatisfied, @note)
         ON CONFLICT (candidate_id) DO UPDATE SET held_on = excluded.held_on, party_ballots = excluded.party_ballots,
           party_trust = excluded.party_trust, rep_ballots = excluded.rep_ballots, rep_trust = excluded.rep_trust,
           satisfied = excluded.satisfied, basically_satisfied = excluded.basically_satisfied, unsatisfied = excluded.unsatisfied, note = excluded.note`,
        data
      )
      const votes = evaluationsByCandidate(this.store, c.id).get(c.id)!
      const score = scoreEvaluation(votes, this.candidates.rules())
      audit({
        action: before ? 'update' : 'create',
        entity: 'evaluation',
        entityId: c.id,
        summary: `“${c.name}”民主测评：综合得分 ${score.combined.toFixed(1)}，不满意率 ${score.unsatisfiedRate.toFixed(1)}%${score.barred ? '，超过上限' : ''}`,
        before,
        after: votes
      })
      return { votes, score, candidate: this.candidates.require(c.id) }
    })
  }

  evaluation(candidateId: number): EvaluationView | null {
    const votes = evaluationsByCandidate(this.store, candidateId).get(candidateId)
    return votes ? { votes, score: scoreEvaluation(votes, this.candidates.rules()) } : null
  }

  findings(personId: number): FindingRecord[] {
    return findingsByPerson(this.store, personId).get(personId) ?? []
  }

  addFinding(data: z.output<typeof findingInput>): FindingRecord {
    notFuture(data.foundOn, 'foundOn', this.clock.today())
    const item = this.settings.get(negativeListSetting).find((i) => i.code === data.itemCode)
    if (!item) throw failure('validation', `负面清单中没有编号为“${data.itemCode}”的条目`, { itemCode: '不在负面清单中' })
    return this.store.write((audit) => {
      const person = this.persons.require(data.personId)
      const info = this.store.run(
        `INSERT INTO negative_findings (person_id, item_code, item_text, severity, department, evidence, found_on) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        person.id, item.code, item.text, item.severity, data.department, data.evidence, data.foundOn
      )
      const created = this.finding(Number(info.lastInsertRowid))
      audit({
        action: 'create',
        entity: 'negative_finding',
        entityId: created.id,
        summary: `登记“${person.name}”负面清单${item.severity}情形 ${item.code}`,
        after: created
      })
      return created
    })
  }

  decideFinding(data: z.output<typeof findingDecisionInput>): FindingRecord {
    notFuture(data.decidedOn, 'decidedOn', this.clock.today())
    return this.store.write((audit) => {
      const before = this.finding(data.id)
      if (before.severity !== '不宜') throw failure('validation', '“不能”情形直接取消资格，无需研究决定')
      if (data.decidedOn < before.foundOn) throw failure('validation', `决定日期早于发现日期 ${before.foundOn}`, { decidedOn: '早于发现日期' })
      this.store.run(
        'UPDATE negative_findings SET decision = ?, decided_by = ?, decided_on = ?, decision_note = ? WHERE id = ?',
        data.decision, data.decidedBy, data.decidedOn, data.note, data.id
      )
      const after = this.finding(data.id)
      audit({ action: 'update', entity: 'negative_finding', entityId: data.id, summary: `负面清单不宜情形 ${before.itemCode} 研究决定：${data.decision}`, before, after })
      return after
    })
  }

  removeFinding(id: number): void {
    this.store.write((audit) => {
      const before = this.finding(id)
      this.store.run('DELETE FROM negative_findings WHERE id = ?', id)
      audit({ action: 'delete', entity: 'negative_finding', entityId: id, summary: `删除负面清单情形 ${before.itemCode}`, before })
    })
  }

  private wasSent(candidateId: number): boolean {
    return this.store.value<number>('SELECT 1 FROM review_verdicts WHERE candidate_id = ?', candidateId) !== undefined
  }

  private stage(id: number): StageRecord {
    const row = this.store.one<StageRecord>(`SELECT ${STAGE_COLUMNS} FROM candidate_stages WHERE id = ?`, id)
    if (!row) throw failure('not_found', '该环节记录不存在')
    return row
  }

  private verdict(id: number): VerdictRecord {
    const row = this.store.one<VerdictRecord>(`SELECT ${VERDICT_COLUMNS} FROM review_verdicts WHERE id = ?`, id)
    if (!row) throw failure('not_found', '该联审意见不存在')
    return row
  }

  private finding(id: number): FindingRecord {
    const row = this.store.one<FindingRecord>(`SELECT ${FINDING_COLUMNS} FROM negative_findings WHERE id = ?`, id)
    if (!row) throw failure('not_found', '该负面清单情形不存在')
    return row
  }
}
