import { decideRecall, type RecallData, type RecallRecord } from '../../shared/recall'
import { failure } from '../../shared/result'
import type { Clock } from './clock'
import type { Reads, Store } from './store'

type RecallRow = Omit<RecallRecord, 'decision'>

const RECALL_SQL = `SELECT r.id, r.village_id AS villageId, g.name AS villageName, r.person_id AS personId, r.name, r.post, r.demanded_by AS demandedBy,
  r.demanders, r.representatives, r.reason, r.held_on AS heldOn, r.registered, r.voted, r.yes, r.no, r.invalid, r.note
  FROM recalls r JOIN villages g ON g.id = r.village_id`

/** The recalls of one village (or all), each decided. */
export function recallsOf(reads: Reads, villageId: number | null): RecallRecord[] {
  return reads
    .all<RecallRow>(`${RECALL_SQL} WHERE (@v IS NULL OR r.village_id = @v) ORDER BY r.held_on, r.id`, { v: villageId })
    .map((r) => ({ ...r, decision: decideRecall(r) }))
}

/**
 * 罢免 recorded and decided like an election. A recall that passes takes the member off the 本届 roster (the
 * seat is then open to 补选); the record keeps who and which post.
 */
export class RecallService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock
  ) {}

  list(villageId: number | null = null): RecallRecord[] {
    return recallsOf(this.store, villageId)
  }

  create(data: RecallData): RecallRecord {
    return this.store.write((audit) => {
      const member = this.store.one<{ id: number; name: string; post: RecallRecord['post'] }>(
        `SELECT m.id, p.name, m.post FROM committee_members m JOIN persons p ON p.id = m.person_id
         WHERE m.village_id = ? AND m.person_id = ? AND m.body = '村委会' AND m.term = '本届'`,
        data.villageId, data.personId
      )
      if (!member) throw failure('validation', '被罢免的人不是本村本届村(居)委会成员', { personId: '不是本届村(居)委会成员' })
      const now = this.clock.now()
      const id = Number(
        this.store.run(
          `INSERT INTO recalls (village_id, person_id, name, post, demanded_by, demanders, representatives, held_on, registered, voted, yes, no, invalid,
           reason, note, created_at, updated_at) VALUES (@villageId, @personId, @name, @post, @demandedBy, @demanders, @representatives, @heldOn,
           @registered, @voted, @yes, @no, @invalid, @reason, @note, @now, @now)`,
          { ...data, name: member.name, post: member.post, now }
        ).lastInsertRowid
      )
      const record = this.list(data.villageId).find((r) => r.id === id)!
      if (record.decision.passed) this.store.run('DELETE FROM committee_members WHERE id = ?', member.id)
      audit({
        action: 'create',
        entity: 'recall',
        entityId: id,
        summary: `罢免${member.post}${member.name}：${record.decision.passed ? '通过，已移出本届名册' : record.decision.reasons.at(-1)}`,
        after: record
      })
      return record
    })
  }
}
