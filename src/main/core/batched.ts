import type { Store } from './store'

const BATCH = 1000

/**
 * Runs a query whose one parameter is a JSON array (`… IN (SELECT value FROM json_each(?))`) over many
 * keys, a thousand at a time: an import looks up 100,000 rows in a hundred queries instead of 100,000.
 */
export function allByKeys<T>(store: Store, sql: string, keys: readonly unknown[]): T[] {
  const out: T[] = []
  for (let i = 0; i < keys.length; i += BATCH) {
    for (const r of store.all<T>(sql, JSON.stringify(keys.slice(i, i + BATCH)))) out.push(r)
  }
  return out
}
