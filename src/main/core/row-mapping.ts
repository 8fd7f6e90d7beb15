/** Column names are few and rows many (imports and exports map 100,000 rows of the same columns). */
const camelNames = new Map<string, string>()

function camelName(k: string): string {
  let c = camelNames.get(k)
  if (c === undefined) camelNames.set(k, (c = k.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase())))
  return c
}

/** snake_case column names ↔ camelCase fields, so SQL stays plain and TypeScript stays idiomatic. */
export function toCamel(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k in row) out[camelName(k)] = row[k]
  return out
}

export function toSnake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
}
