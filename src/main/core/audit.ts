import { z } from 'zod'
import { toCamel } from './row-mapping'
import type { Store } from './store'

export const auditQuery = z
  .object({
    entity: z.string().max(50).nullable().default(null),
    entityId: z.union([z.string(), z.number()]).nullable().default(null),
    limit: z.number().int().min(1).max(1000).default(200)
  })
  .default({ entity: null, entityId: null, limit: 200 })

export interface AuditRow {
  id: number
  at: string
  actor: string
  action: string
  entity: string
  entityId: string | null
  summary: string
  before: unknown
  after: unknown
}

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
