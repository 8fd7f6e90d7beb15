import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { villageInput } from '../../shared/village'
import { DURABLE_WITHIN_MS, Store } from './store'
import { testServices, useTempDir } from './test-support'

const tempDir = useTempDir()

/** The villages in the database file alone, as a power cut would leave it if its WAL were never synced. */
function villagesInFileAlone(file: string): string[] {
  const copy = path.join(path.dirname(file), `alone-${Date.now()}.db`)
  fs.copyFileSync(file, copy)
  const db = new Database(copy)
  try {
    return (db.prepare('SELECT name FROM villages ORDER BY id').pluck().all() as string[])
  } finally {
    db.close()
  }
}

describe('durability of saves', () => {
  it('commits a clerk’s saves without a sync each, and an import’s with one', async () => {
    const store = Store.fileStore(path.join(tempDir(), 'office.db'))
    // 1 = NORMAL, 2 = FULL
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1)
    const importing = await store.writeStreamed(async (tx) => tx.db.pragma('synchronous', { simple: true }))
    expect(importing).toBe(2)
    // Reads through a memory map, not a read() per page.
    expect(store.db.pragma('mmap_size', { simple: true })).toBe(256 * 1024 * 1024)
    store.close()
  })

  it('has every save in the database file itself within DURABLE_WITHIN_MS, not only in its WAL', async () => {
    const file = path.join(tempDir(), 'office.db')
    // Closing syncs the new file's schema into it.
    Store.fileStore(file).close()
    const store = Store.fileStore(file)
    const villages = testServices(store).villages
    villages.create(villageInput.parse({ name: '龙山村', kind: '村' }))
    villages.create(villageInput.parse({ name: '青石村', kind: '村' }))
    expect(villagesInFileAlone(file)).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, DURABLE_WITHIN_MS + 500))
    expect(villagesInFileAlone(file)).toEqual(['龙山村', '青石村'])
    villages.create(villageInput.parse({ name: '白沙社区', kind: '社区' }))
    await new Promise((resolve) => setTimeout(resolve, DURABLE_WITHIN_MS + 500))
    expect(villagesInFileAlone(file)).toEqual(['龙山村', '青石村', '白沙社区'])
    store.close()
  })
})
