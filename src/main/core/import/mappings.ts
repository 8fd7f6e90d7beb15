import { headerKey, KIND_DEFS, type ImportKind } from '../../../shared/import'
import { failure } from '../../../shared/result'
import type { Clock } from '../clock'
import type { Store } from '../store'

/** Header text (normalised) → field or null, as the clerk chose it for this kind. */
export function rememberedChoices(store: Store, kind: ImportKind): Map<string, string | null> {
  const rows = store.all<{ header: string; field: string | null }>('SELECT header, field FROM import_header_choices WHERE kind = ?', kind)
  return new Map(rows.map((r) => [r.header, r.field]))
}

/** Remembers that, in rosters of this kind, a column headed `header` fills `field` (null: not imported). */
export function rememberChoice(store: Store, clock: Clock, kind: ImportKind, header: string, field: string | null): void {
  const def = KIND_DEFS[kind]
  const target = field === null ? null : def.fields.find((f) => f.key === field)
  if (field !== null && !target) throw failure('validation', `“${def.label}”没有名为“${field}”的列`)
  const key = headerKey(header)
  if (!key) throw failure('validation', '列名为空，无法记住')
  store.write((audit) => {
    const before = rememberedChoices(store, kind).get(key)
    store.run(
      `INSERT INTO import_header_choices (kind, header, field, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, header) DO UPDATE SET field = excluded.field, updated_at = excluded.updated_at`,
      kind,
      key,
      field,
      clock.now()
    )
    audit({
      action: 'update',
      entity: 'import_mapping',
      entityId: `${kind}:${key}`,
      summary: `导入${def.label}时，列“${header}”${target ? `对应“${target.label}”` : '不导入'}`,
      before: before === undefined ? null : { field: before },
      after: { field }
    })
  })
}
