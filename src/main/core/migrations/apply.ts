import type Database from 'better-sqlite3'
import type { Clock } from '../clock'
import type { Migration } from './types'

/** Brings a connection's file up to `target` (default: the last migration), in one transaction. */
export function migrate(db: Database.Database, migrations: readonly Migration[], clock: Clock, target?: number): void {
  const current = db.pragma('user_version', { simple: true }) as number
  const goal = target ?? migrations[migrations.length - 1].version
  const pending = migrations.filter((m) => m.version > current && m.version <= goal)
  if (pending.length === 0) return
  // PRAGMA foreign_keys cannot change inside a transaction: it is set around it.
  const rebuilds = pending.some((m) => m.rebuildsTables)
  if (rebuilds) db.pragma('foreign_keys = OFF')
  try {
    db.transaction(() => {
      for (const m of pending) {
        if (typeof m.up === 'string') db.exec(m.up)
        else m.up(db, clock.now())
        db.pragma(`user_version = ${m.version}`)
      }
      if (rebuilds && (db.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error('数据库升级后外键不一致，已撤销升级')
    })()
  } finally {
    if (rebuilds) db.pragma('foreign_keys = ON')
  }
}
