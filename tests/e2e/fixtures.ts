import { test as base, expect } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import { startServer, tempDir, type RunningServer } from './server'

interface Fixtures {
  /** A folder of this test's own, removed afterwards. */
  workDir: string
  /** Browser mode on a fresh database in workDir; `server.url` carries the token. */
  server: RunningServer
}

export const test = base.extend<Fixtures>({
  workDir: async ({}, use) => {
    const dir = tempDir()
    await use(dir)
    fs.rmSync(dir, { recursive: true, force: true })
  },
  server: async ({ workDir }, use) => {
    const server = await startServer(path.join(workDir, 'office.db'))
    await use(server)
    await server.stop()
  }
})

export { expect }
