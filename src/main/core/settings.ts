import type { z } from 'zod'
import type { SettingDef } from '../../shared/settings'
import { failure } from '../../shared/result'
import type { Clock } from './clock'
import type { Store } from './store'

/** Reads and writes the office settings of shared/settings.ts; a value that no longer fits falls back to the default. */
export class SettingsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock
  ) {}

  get<S extends z.ZodType>(def: SettingDef<S>): z.output<S> {
    const row = this.store.one<{ value: string }>('SELECT value FROM settings WHERE key = ?', def.key)
    if (!row) return def.defaultValue
    const parsed = def.schema.safeParse(JSON.parse(row.value))
    // A value that no longer fits the schema (written by an older build) falls back to the default.
    return parsed.success ? parsed.data : def.defaultValue
  }

  set<S extends z.ZodType>(def: SettingDef<S>, value: unknown): z.output<S> {
    const parsed = def.schema.safeParse(value)
    if (!parsed.success) {
      throw failure('validation', `设置“${def.label}”有误：${parsed.error.issues.map((i) => i.message).join('；')}`)
    }
    return this.store.write((audit) => {
      const before = this.get(def)
      this.store.run(
        `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        def.key,
        JSON.stringify(parsed.data),
        this.clock.now()
      )
      audit({ action: 'update', entity: 'setting', entityId: def.key, summary: `修改设置“${def.label}”`, before, after: parsed.data })
      return parsed.data
    })
  }

  reset<S extends z.ZodType>(def: SettingDef<S>): z.output<S> {
    return this.set(def, def.defaultValue)
  }
}
