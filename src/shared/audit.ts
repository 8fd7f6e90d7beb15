import { z } from 'zod'

/** The audit log as 设置 → 操作记录 reads it: one record's history, or the latest changes. */
export const auditQuery = z
  .object({
    entity: z.string().max(50).nullable().default(null),
    entityId: z.union([z.string(), z.number()]).nullable().default(null),
    limit: z.number().int().min(1).max(1000).default(200),
    /** One account's rows (操作记录 filtered by account). */
    actor: z.string().max(40).nullable().default(null)
  })
  .default({ entity: null, entityId: null, limit: 200, actor: null })

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
