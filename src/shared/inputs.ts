import { z } from 'zod'

/** The small wrappers API inputs share: a record's id, a village, an id with the record's data. */
export const idInput = z.object({ id: z.number({ error: '缺少记录编号' }).int().positive() })

export const villageRef = z.object({ villageId: z.number({ error: '缺少村社' }).int().positive() })

/** One village, or the whole township when none is given. */
export const optionalVillageInput = z
  .object({ villageId: z.number().int().positive().nullable().default(null) })
  .default({ villageId: null })

export const candidateIdInput = z.object({ candidateId: z.number({ error: '缺少人选编号' }).int().positive() })

/** An update: the record's id and its new data. */
export const withId = <S extends z.ZodType>(data: S) => z.object({ id: z.number().int().positive(), data })

/** Field labels for an input nested under `prefix` (e.g. { id, data }). */
export function prefixed(prefix: string, labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}.${k}`, v]))
}
