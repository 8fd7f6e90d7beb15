import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { fixedClock, type Clock } from './clock'
import type { JobRunner } from './jobs'
import { buildServices, type Services } from './services'
import type { Store } from './store'

/** A fresh folder per test for real database files, removed after the test. */
export function useTempDir(): () => string {
  const dirs: string[] = []
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
  })
  return () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-test-'))
    dirs.push(d)
    return d
  }
}

/** The day the tests' register lives on, unless a test sets its own clock. */
export const TEST_TODAY = '2026-12-01'

/** Every service over a test's store, on a fixed clock. */
export function testServices(store: Store, clock: Clock = fixedClock(TEST_TODAY), jobs?: JobRunner): Services {
  return buildServices(store, clock, jobs)
}

/**
 * Another process holding the database's write lock: it begins a write transaction, adds `rows` villages
 * (named 锁定村1…) and commits after `holdMs`. Resolves once the lock is held; `committed` resolves when it ends.
 */
export async function holdWriteLock(file: string, holdMs: number, rows = 500): Promise<{ committed: Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3')
    const db = new Database(process.argv[1])
    db.exec('BEGIN IMMEDIATE')
    const add = db.prepare("INSERT INTO villages (name, kind, created_at, updated_at) VALUES (?, '村', 'x', 'x')")
    for (let i = 1; i <= Number(process.argv[3]); i++) add.run('锁定村' + i)
    process.stdout.write('locked\\n')
    setTimeout(() => { db.exec('COMMIT'); db.close() }, Number(process.argv[2]))`
  const child = spawn(process.execPath, ['-e', script, file, String(holdMs), String(rows)], {
    cwd: path.resolve(__dirname, '../../..'),
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const committed = new Promise<void>((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited with ${code}`))))
  )
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code} before locking`)))
  })
  return { committed }
}

/** The bytes as an ArrayBuffer of their own: exceljs types `xlsx.load` against one, not against Node's Buffer. */
export const arrayBufferOf = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer
