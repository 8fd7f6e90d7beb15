import Database from 'better-sqlite3'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildApi } from '../api'
import { Store } from './store'
import { holdWriteLock, useTempDir } from './test-support'

const tempDir = useTempDir()

function officeWithOneVillage(dir: string): Store {
  const store = Store.fileStore(path.join(dir, 'office.db'), { actor: '张晓燕' })
  store.write((audit) => {
    store.db.prepare(`INSERT INTO villages (name, kind, created_at, updated_at) VALUES ('龙山村', '村', 'x', 'x')`).run()
    audit({ action: 'create', entity: 'village', summary: '龙山村' })
  })
  return store
}

const villagesIn = (file: string): string[] => {
  const db = new Database(file, { readonly: true })
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    return db.prepare('SELECT name FROM villages ORDER BY id').pluck().all() as string[]
  } finally {
    db.close()
  }
}

const backupRows = (store: Store) => store.db.prepare(`SELECT summary FROM audit_log WHERE action = 'backup'`).pluck().all() as string[]

describe('a backup while another process holds a long write transaction', () => {
  it('succeeds, copies only what was committed, and writes its audit row once the other transaction ends', async () => {
    const dir = tempDir()
    const store = officeWithOneVillage(dir)
    // Longer than the five seconds after which the audit row used to fail with "database is locked".
    const holder = await holdWriteLock(store.path, 6500)
    const out = path.join(dir, 'backup.db')
    const result = await store.backupTo(out)
    await holder.committed
    expect(result).toMatchObject({ path: out, audited: true, note: '' })
    expect(villagesIn(out)).toEqual(['龙山村'])
    expect(backupRows(store)).toEqual([`备份到 ${out}`])
    // The audit row came after the other process's commit, and nothing of it was lost.
    expect(store.db.prepare(`SELECT count(*) FROM villages WHERE name LIKE '锁定村%'`).pluck().get()).toBe(500)
    store.close()
  }, 20_000)

  it('says exactly what happened when the lock is still held after the wait: the copy is good, the row not written', async () => {
    const dir = tempDir()
    const store = officeWithOneVillage(dir)
    const holder = await holdWriteLock(store.path, 4000)
    const out = path.join(dir, 'backup.db')
    const result = await store.backupTo(out, { auditWaitMs: 1500 })
    expect(result.audited).toBe(false)
    expect(result.note).toContain('备份文件已写好并校验无误')
    expect(result.note).toContain('没能记入操作记录')
    expect(villagesIn(out)).toEqual(['龙山村'])
    await holder.committed
    expect(backupRows(store)).toEqual([])
    store.close()
  }, 20_000)
})

describe('API writes while another process writes', () => {
  it('wait for the other transaction instead of failing after five seconds', async () => {
    const dir = tempDir()
    const store = officeWithOneVillage(dir)
    const api = buildApi(store)
    const holder = await holdWriteLock(store.path, 6500)
    const started = Date.now()
    const [created, listed] = await Promise.all([
      api.villages.create({ name: '凤凰村', kind: '村' }),
      // Reads are answered meanwhile: the wait happens between attempts, not inside SQLite's busy handler.
      (async () => {
        await new Promise((r) => setTimeout(r, 1500))
        const t = Date.now()
        const r = await api.villages.list({})
        return { r, ms: Date.now() - t, at: Date.now() - started }
      })()
    ])
    await holder.committed
    expect(created).toMatchObject({ ok: true, value: { name: '凤凰村' } })
    expect(Date.now() - started).toBeGreaterThan(5000)
    expect(listed.r.ok).toBe(true)
    expect(listed.at).toBeLessThan(4500)
    store.close()
  }, 20_000)
})
