import { AppFailure, failure } from '../../shared/result'
import type { BatchRefusal, DepartmentSheet, DepartmentSheetData, DepartmentSheetRow } from '../../shared/vetting-batch'
import type { StageData } from '../../shared/candidate'
import type { CandidateView } from './candidates'
import type { Clock } from './clock'
import type { Store } from './store'
import { inVillageOrder } from './village-order'
import { naturalCompare } from '../../shared/natural-order'
import type { VettingService } from './vetting'

/** How many refused candidates a message names before it says how many more. */
const NAMED = 20

/**
 * Vetting by the batch: one step, one date, for many candidates. Each candidate goes through exactly the
 * checks of the one-candidate path; if any refuses, the whole batch is undone and every refusal is named.
 */
export class VettingBatchService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly vetting: VettingService
  ) {}

  recordStages(data: Omit<StageData, 'candidateId'> & { candidateIds: number[] }): CandidateView[] {
    const { candidateIds, ...step } = data
    return this.allOrNothing(candidateIds, `${step.stage}${step.level ? `（${step.level}）` : ''}`, (candidateId) =>
      this.vetting.recordStage({ ...step, candidateId })
    )
  }

  sendToReview(candidateIds: number[], sentOn: string): CandidateView[] {
    return this.allOrNothing(candidateIds, '送县级联审', (candidateId) => this.vetting.sendToReview(candidateId, sentOn))
  }

  /** Every candidate sent to one department, with its answer so far, in the register's village order, then by name. */
  departmentSheet(department: string): DepartmentSheet {
    const rows = this.store.all<DepartmentSheetRow>(
      `SELECT rv.candidate_id AS candidateId, c.village_id AS villageId, v.name AS villageName, p.name AS name, p.id_number AS idNumber,
              rv.verdict AS verdict, rv.reason AS reason, rv.sent_on AS sentOn, rv.decided_on AS decidedOn
         FROM review_verdicts rv JOIN candidates c ON c.id = rv.candidate_id
         JOIN persons p ON p.id = c.person_id JOIN villages v ON v.id = c.village_id
        WHERE rv.department = ?`,
      department
    )
    rows.sort((a, b) => naturalCompare(a.name, b.name) || a.candidateId - b.candidateId)
    const inOrder = inVillageOrder(this.store, rows, (r) => r.villageId)
    const latestSentOn = rows.map((r) => r.sentOn).sort().at(-1) ?? null
    return { department, today: this.clock.today(), latestSentOn, rows: inOrder }
  }

  /** A department's reply saved at once: all its rows or none. */
  recordSheet(data: DepartmentSheetData): DepartmentSheet {
    const sent = new Set(this.departmentSheet(data.department).rows.map((r) => r.candidateId))
    const notSent = data.rows.filter((r) => !sent.has(r.candidateId))
    if (notSent.length > 0) throw failure('validation', `有 ${notSent.length} 名人选未送“${data.department}”联审，不能记录该部门的意见`)
    const byId = new Map(data.rows.map((r) => [r.candidateId, r]))
    this.allOrNothing([...byId.keys()], `${data.department}联审意见`, (candidateId) => {
      const r = byId.get(candidateId)!
      return this.vetting.recordVerdict({ candidateId, department: data.department, verdict: r.verdict, reason: r.reason, decidedOn: data.decidedOn })
    })
    return this.departmentSheet(data.department)
  }

  /** Runs `step` for each candidate inside one transaction; any refusal undoes all and is reported with the rest. */
  private allOrNothing<T>(candidateIds: number[], what: string, step: (candidateId: number) => T): T[] {
    return this.store.write(() => {
      const refusals: BatchRefusal[] = []
      const done: T[] = []
      for (const candidateId of candidateIds) {
        try {
          // Nested in this transaction, each step is a savepoint: a refused one leaves nothing behind.
          done.push(step(candidateId))
        } catch (e) {
          if (!(e instanceof AppFailure)) throw e
          refusals.push({ candidateId, label: this.label(candidateId), reason: e.error.message })
        }
      }
      if (refusals.length > 0) throw batchRefused(what, candidateIds.length, refusals)
      return done
    })
  }

  private label(candidateId: number): string {
    const row = this.store.one<{ village: string; name: string }>(
      'SELECT v.name AS village, p.name AS name FROM candidates c JOIN persons p ON p.id = c.person_id JOIN villages v ON v.id = c.village_id WHERE c.id = ?',
      candidateId
    )
    return row ? `${row.village} ${row.name}` : `编号 ${candidateId}（不存在）`
  }
}

export function batchRefused(what: string, total: number, refusals: BatchRefusal[]): AppFailure {
  const named = refusals.slice(0, NAMED).map((r) => `${r.label}：${r.reason}`)
  const more = refusals.length > NAMED ? [`……另有 ${refusals.length - NAMED} 人`] : []
  return failure(
    'out_of_order',
    [`所选 ${total} 名人选中有 ${refusals.length} 名不能${what}，本次全部未保存：`, ...named, ...more].join('\n'),
    Object.fromEntries(refusals.map((r) => [`candidate:${r.candidateId}`, r.reason]))
  )
}
