import type Database from 'better-sqlite3'
import type { EvaluationVotes, FindingRecord, StageRecord, VerdictRecord } from '../../shared/vetting-rules'
import { toCamel } from './row-mapping'

/** Reads of the vetting tables, one candidate or all at once, grouped by the key the caller needs. */

function grouped<T>(rows: Record<string, unknown>[], key: keyof T): Map<number, T[]> {
  const map = new Map<number, T[]>()
  for (const r of rows) {
    const c = toCamel(r) as T
    const k = c[key] as number
    map.set(k, [...(map.get(k) ?? []), c])
  }
  return map
}

const where = (col: string, id?: number) => (id === undefined ? '' : `WHERE ${col} = ${Number(id)}`)

export function stagesByCandidate(db: Database.Database, candidateId?: number): Map<number, StageRecord[]> {
  const rows = db.prepare(`SELECT * FROM candidate_stages ${where('candidate_id', candidateId)} ORDER BY id`).all() as Record<string, unknown>[]
  return grouped<StageRecord>(rows, 'candidateId')
}

export function verdictsByCandidate(db: Database.Database, candidateId?: number): Map<number, VerdictRecord[]> {
  const rows = db.prepare(`SELECT * FROM review_verdicts ${where('candidate_id', candidateId)} ORDER BY id`).all() as Record<string, unknown>[]
  return grouped<VerdictRecord>(rows, 'candidateId')
}

export function findingsByPerson(db: Database.Database, personId?: number): Map<number, FindingRecord[]> {
  const rows = db.prepare(`SELECT * FROM negative_findings ${where('person_id', personId)} ORDER BY found_on, id`).all() as Record<string, unknown>[]
  return grouped<FindingRecord>(rows, 'personId')
}

export interface EvaluationRecord extends EvaluationVotes {
  candidateId: number
  note: string
}

export function evaluationsByCandidate(db: Database.Database, candidateId?: number): Map<number, EvaluationRecord> {
  const rows = db.prepare(`SELECT * FROM evaluations ${where('candidate_id', candidateId)}`).all() as Record<string, unknown>[]
  return new Map(rows.map((r) => [r.candidate_id as number, toCamel(r) as unknown as EvaluationRecord]))
}
