/** One field an edit would change, as the clerk reads it. */
export interface FieldChange {
  field: string
  label: string
  before: string
  after: string
}

const shown = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '（空）'
  if (v === true) return '是'
  if (v === false) return '否'
  if (Array.isArray(v)) return v.length === 0 ? '（空）' : v.map(shown).join('、')
  return String(v)
}

/**
 * What an edit changes, field by field, in the order of `labels`; fields without a label are not the
 * clerk's to see. `format` renders coded values (登记类别 2 → 二类) the way the form shows them.
 */
export function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  labels: Record<string, string>,
  format: Record<string, (v: unknown) => string> = {}
): FieldChange[] {
  const text = (field: string, v: unknown) => (format[field] && v !== null && v !== undefined && v !== '' ? format[field](v) : shown(v))
  return Object.entries(labels)
    .filter(([field]) => field in after)
    .map(([field, label]) => ({ field, label, before: text(field, before[field]), after: text(field, after[field]) }))
    .filter((c) => c.before !== c.after)
}
