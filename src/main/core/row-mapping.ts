/** Column names seen so far: exports map 100,000 rows of the same few columns. */
const camelNames = new Map<string, string>()

const camelName = (k: string): string => {
  let name = camelNames.get(k)
  if (name === undefined) {
    name = k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
    camelNames.set(k, name)
  }
  return name
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
