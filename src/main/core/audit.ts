import type { z } from 'zod'
import { auditQuery, type AuditRow } from '../../shared/audit'
import type { Store } from './store'

export class AuditService {
  constructor(private readonly store: Store) {}

  list(input: z.input<typeof auditQuery> = {}): AuditRow[] {
    const q = auditQuery.parse(input)
    const rows = this.store.all<Omit<AuditRow, 'before' | 'after'> & { before: string | null; after: string | null }>(
      `SELECT id, at, actor, action, entity, entity_id AS entityId, summary, before, after FROM audit_log
       WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId) AND (@actor IS NULL OR actor = @actor)
       ORDER BY id DESC LIMIT @limit`,
      { entity: q.entity, entityId: q.entityId === null ? null : String(q.entityId), limit: q.limit, actor: q.actor }
    )
    return rows.map((r) => ({
      ...r,
      before: r.before === null ? null : JSON.parse(r.before),
      after: r.after === null ? null : JSON.parse(r.after)
    }))
  }
}
