import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Store } from './core/store'
import { useTempDir } from './core/test-support'

const tempDir = useTempDir()
const root = path.resolve(__dirname, '../..')

/** The real command line, as `npm run cli -- …` runs it. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(__dirname, 'cli.ts'), ...args], {
    encoding: 'utf8',
    cwd: root
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('huanjie CLI', () => {
  it('backs up a database to a copy that opens with the same villages', () => {
    const dir = tempDir()
    const db = path.join(dir, 'office.db')
    const store = Store.fileStore(db)
    store.db.prepare(`INSERT INTO villages (name, kind, created_at, updated_at) VALUES ('龙山村', '村', 'x', 'x')`).run()
    store.close()
    const out = path.join(dir, 'backup', 'copy.db')
    const r = cli('backup', '--db', db, '--out', out, '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ path: out, bytes: expect.any(Number) })
    const copy = new Database(out, { readonly: true })
    expect(copy.prepare('SELECT name FROM villages').pluck().all()).toEqual(['龙山村'])
    copy.close()
  })

  it('refuses a database from a newer version with one Chinese line and no stack trace', () => {
    const dir = tempDir()
    const db = path.join(dir, 'future.db')
    const raw = new Database(db)
    raw.pragma('user_version = 999')
    raw.close()
    const r = cli('backup', '--db', db, '--out', path.join(dir, 'b.db'))
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toContain('更新版本')
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/)
    expect(fs.existsSync(path.join(dir, 'b.db'))).toBe(false)
  })

  it('explains unknown commands and missing options', () => {
    expect(cli('frobnicate').stderr).toContain('未知命令：frobnicate')
    const r = cli('backup', '--db', path.join(tempDir(), 'x.db'))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('请用 --out 指定备份文件')
  })
})
