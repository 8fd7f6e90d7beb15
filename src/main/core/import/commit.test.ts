import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { nthId, personRows, xlsxBuffer } from '../../../../tests/fixtures/rosters'
import { villageInput } from '../../../shared/village'
import { actAs } from '../acting-account'
import { createEncryptedRegister } from '../encrypted-register'
import { JobCancelled, JobRunner } from '../jobs'
import { Store } from '../store'
import { testServices, useTempDir } from '../test-support'
import { VillageService } from '../villages'

const tempDir = useTempDir()
let store: Store
let dbFile: string

beforeEach(() => {
  dbFile = path.join(tempDir(), 'office.db')
  store = Store.fileStore(dbFile)
  return () => store.close()
})

const count = (s: Store) => s.db.prepare('SELECT count(*) FROM persons').pluck().get() as number

async function roster(n: number): Promise<Buffer> {
  return xlsxBuffer([{ name: '人员', rows: personRows(Array.from({ length: n }, (_, i) => ({ name: `人员${i}号`, id: nthId(i) }))) }])
}

describe('the window\'s commit (imports.commit)', () => {
  it('writes in batches with rows written / total; meanwhile the register reads as before and other writes are refused at once', async () => {
    const imports = testServices(store).imports
    const { analysis } = await imports.read('persons', { bytes: await roster(3000), name: '人员.xlsx' })
    const seen: { done: number; total: number | null | undefined; visible: number; write: string }[] = []
    const summary = await imports.commitInBatches(analysis, {
      progress: (done, total) => {
        let write = ''
        try {
          new VillageService(store, store.clock).create(villageInput.parse({ name: `新村${done}`, kind: '村', township: '龙山镇' }))
        } catch (e) {
          write = (e as Error).message
        }
        seen.push({ done, total, visible: count(store), write })
      },
      throwIfCancelled: () => {}
    })
    expect(summary).toMatchObject({ added: 3000, updated: 0, unchanged: 0 })
    expect(seen.length).toBeGreaterThan(5)
    expect(seen.map((s) => s.done)).toEqual([...seen.map((s) => s.done)].sort((a, b) => a - b))
    expect(seen.at(-1)).toMatchObject({ done: 3000, total: 3000 })
    for (const s of seen) {
      expect(s.visible).toBe(0)
      expect(s.write).toContain('正在导入名册')
    }
    expect(count(store)).toBe(3000)
    expect(store.db.prepare('SELECT count(*) FROM villages').pluck().get()).toBe(0)
  })

  it('a cancel half way, even at the last moment before COMMIT, leaves the file as it was', async () => {
    const imports = testServices(store).imports
    const { analysis } = await imports.read('persons', { bytes: await roster(2000), name: '人员.xlsx' })
    let done = 0
    let checks = 0
    const cancelAt = async (when: (done: number, checks: number) => boolean) =>
      imports.commitInBatches(analysis, {
        progress: (d) => (done = d),
        throwIfCancelled: () => {
          checks++
          if (when(done, checks)) throw new JobCancelled()
        }
      })
    await expect(cancelAt((d) => d >= 1000)).rejects.toThrow(JobCancelled)
    expect(done).toBeLessThan(2000)
    expect(count(store)).toBe(0)
    // The check after the last batch, just before COMMIT.
    await expect(cancelAt((d) => d === 2000)).rejects.toThrow(JobCancelled)
    expect(count(store)).toBe(0)
    const other = new Database(dbFile, { readonly: true })
    expect(other.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(0)
    expect(other.pragma('integrity_check', { simple: true })).toBe('ok')
    other.close()
    // Nothing was left holding the lock: the same analysis commits whole afterwards.
    expect(await imports.commitInBatches(analysis)).toMatchObject({ added: 2000 })
    expect(count(store)).toBe(2000)
  })

  it('as a job: the bar moves while rows are written, other calls answer between batches, cancel changes nothing', async () => {
    const jobs = new JobRunner()
    const imports = testServices(store, undefined, jobs).imports
    const done = await jobs.wait(imports.startPreview('persons', { bytes: await roster(6000), name: '人员.xlsx' }, {}).id)
    const previewId = (done.result as { id: string }).id
    const job = imports.startCommit(previewId)
    const moving: number[] = []
    for (let s = jobs.status(job.id)!; s.state === 'running'; s = jobs.status(job.id)!) {
      // Each turn of this loop is an event-loop turn the import gave up between two batches.
      if (s.done > 0 && s.done < 6000) {
        moving.push(s.done)
        expect(count(store)).toBe(0)
        // A quiet machine writes 6,000 rows in a few turns: cancel at the first turn seen part-way.
        if (moving.length === 1) jobs.cancel(job.id)
      }
      await new Promise((r) => setImmediate(r))
    }
    expect(jobs.status(job.id)!.state).toBe('cancelled')
    expect(moving.length).toBeGreaterThanOrEqual(1)
    expect(count(store)).toBe(0)
    const again = await jobs.wait(imports.startCommit(previewId).id)
    expect(again).toMatchObject({ state: 'done', result: { added: 6000 } })
    expect(count(store)).toBe(6000)
  })

  it('refuses a second import while one holds the write lock', async () => {
    const imports = testServices(store).imports
    const first = await imports.read('persons', { bytes: await roster(600), name: 'a.xlsx' })
    const second = await imports.read('persons', { bytes: await roster(10), name: 'b.xlsx' })
    let inner: Promise<string> | null = null
    await imports.commitInBatches(first.analysis, {
      progress: () => {
        inner ??= imports.commitInBatches(second.analysis).then(
          () => 'committed',
          (e: Error) => e.message
        )
      },
      throwIfCancelled: () => {}
    })
    expect(await inner).toContain('已有一个导入正在进行')
    expect(count(store)).toBe(600)
    expect(fs.existsSync(dbFile)).toBe(true)
  })

  it('writes an encrypted register through the thread with its key, and audits the import as the signed-in account', async () => {
    const file = path.join(tempDir(), 'encrypted.db')
    const { store: locked } = createEncryptedRegister(file, { account: '张晓燕', password: 'huanjie-2026' })
    try {
      const imports = testServices(locked).imports
      const { analysis } = await imports.read('persons', { bytes: await roster(300), name: '人员.xlsx' })
      expect(await actAs('李经办', () => imports.commitInBatches(analysis))).toMatchObject({ added: 300 })
      expect(count(locked)).toBe(300)
      expect(locked.value<string>(`SELECT actor FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 1`)).toBe('李经办')
      // Written encrypted: the bytes hold no name from the roster.
      locked.db.pragma('wal_checkpoint(TRUNCATE)')
      expect(fs.readFileSync(file).includes(Buffer.from('人员7号'))).toBe(false)
    } finally {
      locked.close()
    }
  })
})
