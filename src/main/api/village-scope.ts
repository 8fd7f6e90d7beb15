import { failure } from '../../shared/result'

/**
 * What an account limited to some villages (驻村干部) gets back: every row that names another village is taken out of
 * lists and search results, and a single record of another village is refused. Done on the way out of the API, so
 * each service stays as it is; a row is known by its `villageId` (or its `village.id`).
 */
export function limitToVillages(value: unknown, allowed: ReadonlySet<number>, rowsAreVillages = false, top = true): unknown {
  const out = (v: unknown): boolean => outside(v, allowed) || (rowsAreVillages && top && outsideAsVillage(v, allowed))
  if (Array.isArray(value)) return value.filter((v) => !out(v)).map((v) => limitToVillages(v, allowed, rowsAreVillages, false))
  if (value === null || typeof value !== 'object') return value
  if (top && out(value)) throw failure('forbidden', '您的账号只能查看限定的村(社区)，这条记录属于其他村(社区)')
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, limitToVillages(v, allowed, false, false)]))
}

/** villages.list and villages.get answer with villages themselves: their own id is the village. */
function outsideAsVillage(row: unknown, allowed: ReadonlySet<number>): boolean {
  const id = (row as { id?: unknown } | null)?.id
  return typeof id === 'number' && !allowed.has(id)
}

function villageOf(row: unknown): number | undefined {
  if (row === null || typeof row !== 'object') return undefined
  const r = row as { villageId?: unknown; village?: unknown }
  if (typeof r.villageId === 'number') return r.villageId
  const v = r.village as { id?: unknown } | null | undefined
  return v && typeof v === 'object' && typeof v.id === 'number' ? v.id : undefined
}

const outside = (row: unknown, allowed: ReadonlySet<number>): boolean => {
  const v = villageOf(row)
  return v !== undefined && !allowed.has(v)
}

/**
 * An input that names villages (a list filter, an export's village): a limited account may name only its own, and
 * one that names none is given its first (exports and lists of one village) — never the whole township.
 */
export function checkInputVillages(input: unknown, allowed: ReadonlySet<number>, method: string): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input
  const i = input as Record<string, unknown>
  if (typeof i.villageId === 'number' && !allowed.has(i.villageId)) {
    throw failure('forbidden', `您的账号只能使用限定的村(社区)，不能${method.startsWith('exports.') ? '导出' : '查看'}其他村(社区)的数据`)
  }
  if (method.startsWith('exports.') && (i.villageId === undefined || i.villageId === null)) {
    throw failure('forbidden', '您的账号只能导出限定的村(社区)，请先选择一个村(社区)')
  }
  return input
}
