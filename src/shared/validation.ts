import type { z } from 'zod'
import './zod-zh'
import { fail, type Result } from './result'

/** zod issues → one Result with a Chinese message per field (first problem of each field wins). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, labels: Record<string, string> = {}): Result<z.output<S>> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return { ok: true, value: parsed.data }
  const fields: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.') || '_'
    if (!(key in fields)) fields[key] = issue.message
  }
  const summary = Object.entries(fields)
    .map(([k, msg]) => (labels[k] ? `${labels[k]}：${msg}` : msg))
    .join('；')
  return fail('validation', `填写有误：${summary}`, fields)
}
