import { z } from 'zod'

/** The audit log as 设置 → 操作记录 reads it: one record's history, or the latest changes. */
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
