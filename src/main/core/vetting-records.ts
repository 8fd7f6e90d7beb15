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

/** Every row, or one key's through its index. */
function rowsOf<T>(store: Store, select: string, col: string, id: number | undefined, order = ''): T[] {
  return id === undefined ? store.all<T>(`${select} ${order}`) : store.all<T>(`${select} WHERE ${col} = ? ${order}`, id)
}

export function stagesByCandidate(store: Store, candidateId?: number): Map<number, StageRecord[]> {
  return grouped(rowsOf<StageRecord>(store, `SELECT ${STAGE_COLUMNS} FROM candidate_stages`, 'candidate_id', candidateId, 'ORDER BY id'), 'candidateId')
}

export function verdictsByCandidate(store: Store, candidateId?: number): Map<number, VerdictRecord[]> {
  return grouped(rowsOf<VerdictRecord>(store, `SELECT ${VERDICT_COLUMNS} FROM review_verdicts`, 'candidate_id', candidateId, 'ORDER BY id'), 'candidateId')
}

export function findingsByPerson(store: Store, personId?: number): Map<number, FindingRecord[]> {
  return grouped(rowsOf<FindingRecord>(store, `SELECT ${FINDING_COLUMNS} FROM negative_findings`, 'person_id', personId, 'ORDER BY found_on, id'), 'personId')
}

export interface EvaluationRecord extends EvaluationVotes {
  candidateId: number
  note: string
}

export function evaluationsByCandidate(store: Store, candidateId?: number): Map<number, EvaluationRecord> {
  const rows = rowsOf<EvaluationRecord>(store, `SELECT ${EVALUATION_COLUMNS} FROM evaluations`, 'candidate_id', candidateId)
  return new Map(rows.map((r) => [r.candidateId, r]))
}
