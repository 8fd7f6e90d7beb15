import type Database from 'better-sqlite3'
import type { EvaluationVotes, FindingRecord, StageRecord, VerdictRecord } from '../../shared/vetting-rules'
import { readsOf, type Store } from './store'

/** Reads of the vetting tables, one candidate or all at once, grouped by the key the caller needs. */

type Source = Store | Database.Database

function grouped<T>(rows: T[], key: keyof T): Map<number, T[]> {
  const map = new Map<number, T[]>()
  for (const r of rows) {
    const k = r[key] as number
    map.set(k, [...(map.get(k) ?? []), r])
  }
  return map
}

const where = (col: string, id?: number) => (id === undefined ? '' : `WHERE ${col} = ${Number(id)}`)

export function stagesByCandidate(source: Source, candidateId?: number): Map<number, StageRecord[]> {
  const rows = readsOf(source).all<StageRecord>(
    `SELECT id, candidate_id AS candidateId, stage, level, result, decided_on AS decidedOn, decider, doc_no AS docNo, note,
       publicity_start AS publicityStart, publicity_end AS publicityEnd, objections, created_at AS createdAt
     FROM candidate_stages ${where('candidate_id', candidateId)} ORDER BY id`
  )
  return grouped(rows, 'candidateId')
}

export function verdictsByCandidate(source: Source, candidateId?: number): Map<number, VerdictRecord[]> {
  const rows = readsOf(source).all<VerdictRecord>(
    `SELECT id, candidate_id AS candidateId, department, verdict, reason, sent_on AS sentOn, decided_on AS decidedOn
     FROM review_verdicts ${where('candidate_id', candidateId)} ORDER BY id`
  )
  return grouped(rows, 'candidateId')
}

export function findingsByPerson(source: Source, personId?: number): Map<number, FindingRecord[]> {
  const rows = readsOf(source).all<FindingRecord>(
    `SELECT id, person_id AS personId, item_code AS itemCode, item_text AS itemText, severity, department, evidence,
       found_on AS foundOn, decision, decided_by AS decidedBy, decided_on AS decidedOn, decision_note AS decisionNote
     FROM negative_findings ${where('person_id', personId)} ORDER BY found_on, id`
  )
  return grouped(rows, 'personId')
}

export interface EvaluationRecord extends EvaluationVotes {
  candidateId: number
  note: string
}

export function evaluationsByCandidate(source: Source, candidateId?: number): Map<number, EvaluationRecord> {
  const rows = readsOf(source).all<EvaluationRecord>(
    `SELECT candidate_id AS candidateId, held_on AS heldOn, party_ballots AS partyBallots, party_trust AS partyTrust,
       rep_ballots AS repBallots, rep_trust AS repTrust, satisfied, basically_satisfied AS basicallySatisfied, unsatisfied, note
     FROM evaluations ${where('candidate_id', candidateId)}`
  )
  return new Map(rows.map((r) => [r.candidateId, r]))
}
