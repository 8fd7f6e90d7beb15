import Database from 'better-sqlite3'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { villageInput } from '../../shared/village'
import { fixedClock } from './clock'
import { LATEST_VERSION, MIGRATIONS } from './migrations'
import { Store, StoreOpenError } from './store'
import { testServices, useTempDir } from './test-support'

const tempDir = useTempDir()
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

describe('migrations', () => {
  it('are numbered 1, 2, 3 … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    expect(LATEST_VERSION).toBe(MIGRATIONS.length)
  })

  it('build an empty file up to the latest version with WAL, foreign keys and STRICT tables', () => {
    const file = path.join(tempDir(), 'office.db')
    const store = Store.fileStore(file)
    expect(store.version).toBe(LATEST_VERSION)
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1)
    // Every ordinary table; an FTS5 index (virtual, with its shadow tables) is SQLite's own format.
    const tables = store.db
      .prepare(
        `SELECT m.name, m.sql FROM sqlite_master m JOIN pragma_table_list l ON l.name = m.name AND l.schema = 'main'
         WHERE m.type = 'table' AND l.type = 'table' AND m.name NOT LIKE 'sqlite_%'`
      )
      .all() as { name: string; sql: string }[]
    expect(tables.length).toBeGreaterThan(2)
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT\s*$/)
    expect(store.backupBeforeMigration).toBeNull()
    store.close()
  })

  it.each(MIGRATIONS.slice(0, -1).map((m) => m.version))(
    'upgrade a file written at version %i, keep its villages and take a copy first',
    (from) => {
      const file = path.join(tempDir(), 'office.db')
      const old = Store.fileStore(file, { targetVersion: from })
      expect(old.version).toBe(from)
      old.db
        .prepare(`INSERT INTO villages (name, kind, created_at, updated_at) VALUES ('龙山村', '村', 'x', 'x')`)
        .run()
      old.close()

      const store = Store.fileStore(file)
      expect(store.version).toBe(LATEST_VERSION)
      expect(store.db.prepare('SELECT name FROM villages').pluck().all()).toEqual(['龙山村'])
      expect(store.backupBeforeMigration).not.toBeNull()
      const copy = new Database(store.backupBeforeMigration!, { readonly: true })
      expect(copy.pragma('user_version', { simple: true })).toBe(from)
      expect(copy.prepare('SELECT name FROM villages').pluck().all()).toEqual(['龙山村'])
      copy.close()
      store.close()
    }
  )

  it('roll back every step of a failed migration, leaving the version where it was', () => {
    const file = path.join(tempDir(), 'office.db')
    Store.fileStore(file, { targetVersion: 1 }).close()
    const broken = [...MIGRATIONS.slice(0, 1), { version: 2, name: 'bad', up: 'CREATE TABLE half (x INTEGER) STRICT; SELECT no_such_function();' }]
    expect(() => Store.fileStore(file, { migrations: broken })).toThrow()
    const db = new Database(file, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'half'`).pluck().get()).toBe(0)
    db.close()
  })
})

describe('opening files', () => {
  it('refuses a database from a newer version and leaves it byte for byte untouched', () => {
    const file = path.join(tempDir(), 'future.db')
    const db = new Database(file)
    db.exec('CREATE TABLE t (x)')
    db.pragma(`user_version = ${LATEST_VERSION + 5}`)
    db.close()
    const before = sha(file)
    const open = () => Store.fileStore(file)
    expect(open).toThrow(StoreOpenError)
    expect(open).toThrow(/更新版本.*数据版本 \d+，本程序支持到 \d+/)
    expect(sha(file)).toBe(before)
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
  })

  it('refuses a file that is not a database with a clear message', () => {
    const file = path.join(tempDir(), 'roster.db')
    fs.writeFileSync(file, 'PK\u0003\u0004 this is a zip, not sqlite'.repeat(50))
    const before = sha(file)
    expect(() => Store.fileStore(file)).toThrow(/不是换届工作台的数据库文件/)
    expect(sha(file)).toBe(before)
  })

  it('keeps data across close and reopen', () => {
    const file = path.join(tempDir(), 'office.db')
    const a = Store.fileStore(file)
    a.write((audit) => {
      a.db.prepare(`INSERT INTO villages (name, kind, created_at, updated_at) VALUES ('石桥村', '村', 'x', 'x')`).run()
      audit({ action: 'create', entity: 'village', entityId: 1 })
    })
    a.close()
    const b = Store.fileStore(file)
    expect(b.db.prepare('SELECT name FROM villages').pluck().all()).toEqual(['石桥村'])
    expect(b.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1)
    b.close()
  })
})

describe('write', () => {
  it('undoes the change and its audit rows together when anything throws', () => {
    const store = Store.memoryStore()
    expect(() =>
      store.write((audit) => {
        store.db.prepare(`INSERT INTO villages (name, kind, created_at, updated_at) VALUES ('甲村', '村', 'x', 'x')`).run()
        audit({ action: 'create', entity: 'village', entityId: 1 })
        throw new Error('boom')
      })
    ).toThrow('boom')
    expect(store.db.prepare('SELECT count(*) FROM villages').pluck().get()).toBe(0)
    expect(store.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0)
  })

  it('stamps rows with the Clock: the services with theirs, the audit log with the one the store was opened with', () => {
    const store = Store.memoryStore({ clock: fixedClock('2026-05-06', '10:11:12+08:00') })
    const services = testServices(store, fixedClock('2026-05-07', '15:00:00+08:00'))
    const village = services.villages.create(villageInput.parse({ name: '东岭村', kind: '村', township: '青山镇' }))
    services.villages.update(village.id, villageInput.parse({ name: '东岭村', kind: '村', township: '青山镇', households: 320 }))
    expect(services.villages.require(village.id)).toMatchObject({ createdAt: '2026-05-07T15:00:00+08:00', updatedAt: '2026-05-07T15:00:00+08:00' })
    expect(store.all<{ at: string }>('SELECT at FROM audit_log ORDER BY id').map((r) => r.at)).toEqual(['2026-05-06T10:11:12+08:00', '2026-05-06T10:11:12+08:00'])
  })
})

describe('typed reads', () => {
  it('read rows typed by their AS camelCase names', () => {
    const store = Store.memoryStore()
    testServices(store).villages.create(villageInput.parse({ name: '东岭村', kind: '村', township: '青山镇', divisionCode: '110101001001' }))
    const sql = 'SELECT name, division_code AS divisionCode FROM villages'
    {
      const reads = store
      expect(reads.one<{ name: string; divisionCode: string }>(sql)).toEqual({ name: '东岭村', divisionCode: '110101001001' })
      expect(reads.all(sql)).toEqual([{ name: '东岭村', divisionCode: '110101001001' }])
      expect(reads.value<string>(sql)).toBe('东岭村')
      expect(reads.one('SELECT name FROM villages WHERE id = ?', 99)).toBeUndefined()
    }
  })
})

describe('backup', () => {
  it('writes a consistent copy that opens with the same data while the original stays open', async () => {
    const dir = tempDir()
    const store = Store.fileStore(path.join(dir, 'office.db'))
    store.db.prepare(`INSERT INTO villages (name, kind, created_at, updated_at) VALUES ('东风社区', '社区', 'x', 'x')`).run()
    const r = await store.backupTo(path.join(dir, 'copy', 'backup.db'))
    expect(r.bytes).toBeGreaterThan(0)
    const copy = Store.fileStore(r.path)
    expect(copy.db.prepare('SELECT name FROM villages').pluck().all()).toEqual(['东风社区'])
    copy.close()
    expect(store.db.prepare(`SELECT action FROM audit_log`).pluck().all()).toEqual(['backup'])
    store.close()
  })
})

describe('the copy before migrating', () => {
  it('takes a name of its own when a copy of the same second already stands, as after a migration killed and reopened at once', () => {
    const file = path.join(tempDir(), 'office.db')
    Store.fileStore(file, { targetVersion: LATEST_VERSION - 1 }).close()
    const clock = fixedClock('2026-12-01')
    const first = Store.fileStore(file, { targetVersion: LATEST_VERSION - 1, clock })
    first.close()
    const stamp = clock.now().replace(/[:T]/g, '').slice(0, 14)
    const standing = `${file}.v${LATEST_VERSION - 1}-${stamp}.bak`
    fs.writeFileSync(standing, 'an earlier copy')
    const store = Store.fileStore(file, { clock })
    expect(store.version).toBe(LATEST_VERSION)
    expect(store.backupBeforeMigration).toBe(`${file}.v${LATEST_VERSION - 1}-${stamp}-2.bak`)
    expect(fs.readFileSync(standing, 'utf8')).toBe('an earlier copy')
    store.close()
  })
})
