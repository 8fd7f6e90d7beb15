import type { EvaluationVotes, FindingRecord, StageRecord, VerdictRecord } from '../../shared/vetting-rules'
import type { Store } from './store'

/** Reads of the vetting tables, one candidate or all at once, grouped by the key the caller needs. */

export const STAGE_COLUMNS = `id, candidate_id AS candidateId, stage, level, result, decided_on AS decidedOn, decider, doc_no AS docNo, note,
  publicity_start AS publicityStart, publicity_end AS publicityEnd, objections, created_at AS createdAt`
export const VERDICT_COLUMNS = `id, candidate_id AS candidateId, department, verdict, reason, sent_on AS sentOn, decided_on AS decidedOn`
export const FINDING_COLUMNS = `id, person_id AS personId, item_code AS itemCode, item_text AS itemText, severity, department, evidence,
  found_on AS foundOn, decision, decided_by AS decidedBy, decided_on AS decidedOn, decision_note AS decisionNote`
const EVALUATION_COLUMNS = `candidate_id AS candidateId, held_on AS heldOn, party_ballots AS partyBallots, party_trust AS partyTrust,
  rep_ballots AS repBallots, rep_trust AS repTrust, satisfied, basically_satisfied AS basicallySatisfied, unsatisfied, note`

function grouped<T, K extends keyof T>(rows: T[], key: K): Map<number, T[]> {
  const map = new Map<number, T[]>()
  for (const r of rows) {
    const k = r[key] as number
    const list = map.get(k)
    if (list) list.push(r)
    else map.set(k, [r])
  }
  return map
}

/** All rows, or one key's: the same statement either way (NULL matches every row). */
const ofOne = (col: string) => `(? IS NULL OR ${col} = ?)`

export function stagesByCandidate(store: Store, candidateId?: number): Map<number, StageRecord[]> {
  const id = candidateId ?? null
  return grouped(store.all<StageRecord>(`SELECT ${STAGE_COLUMNS} FROM candidate_stages WHERE ${ofOne('candidate_id')} ORDER BY id`, id, id), 'candidateId')
}

export function verdictsByCandidate(store: Store, candidateId?: number): Map<number, VerdictRecord[]> {
  const id = candidateId ?? null
  return grouped(store.all<VerdictRecord>(`SELECT ${VERDICT_COLUMNS} FROM review_verdicts WHERE ${ofOne('candidate_id')} ORDER BY id`, id, id), 'candidateId')
}

export function findingsByPerson(store: Store, personId?: number): Map<number, FindingRecord[]> {
  const id = personId ?? null
  return grouped(store.all<FindingRecord>(`SELECT ${FINDING_COLUMNS} FROM negative_findings WHERE ${ofOne('person_id')} ORDER BY found_on, id`, id, id), 'personId')
}

export interface EvaluationRecord extends EvaluationVotes {
  candidateId: number
  note: string
}

export function evaluationsByCandidate(store: Store, candidateId?: number): Map<number, EvaluationRecord> {
  const id = candidateId ?? null
  const rows = store.all<EvaluationRecord>(`SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE ${ofOne('candidate_id')}`, id, id)
  return new Map(rows.map((r) => [r.candidateId, r]))
}
