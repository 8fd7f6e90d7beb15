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
