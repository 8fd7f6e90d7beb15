import type { z } from 'zod'
import { auditQuery, type AuditRow } from '../../shared/audit'
import { toCamel } from './row-mapping'
import type { Store } from './store'

export class AuditService {
  constructor(private readonly store: Store) {}

  list(input: z.input<typeof auditQuery> = {}): AuditRow[] {
    const q = auditQuery.parse(input)
    const rows = this.store.db
      .prepare(
        `SELECT id, at, actor, action, entity, entity_id, summary, before, after FROM audit_log
         WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
         ORDER BY id DESC LIMIT @limit`
      )
      .all({ entity: q.entity, entityId: q.entityId === null ? null : String(q.entityId), limit: q.limit }) as Record<string, unknown>[]
    return rows.map((r) => {
      const c = toCamel(r) as unknown as AuditRow
      return {
        ...c,
        before: c.before === null ? null : JSON.parse(c.before as string),
        after: c.after === null ? null : JSON.parse(c.after as string)
      }
    })
  }
}
