import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { registerState } from './core/encrypted-register'
import { useTempDir } from './core/test-support'

const tempDir = useTempDir()
const root = path.resolve(__dirname, '../..')
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

function cli(password: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(__dirname, 'cli.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, HUANJIE_PASSWORD: password }
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('huanjie init and --user', () => {
  it('creates an encrypted register, prints the recovery key once, and lets only the right password in', () => {
    const dir = tempDir()
    const db = path.join(dir, 'office.db')
    const made = cli('chief-pass-1', 'init', '--db', db, '--admin', '陈主任', '--json')
    expect(made.code, made.stderr).toBe(0)
    const { recoveryKey } = JSON.parse(made.stdout) as { recoveryKey: string }
    expect(recoveryKey).toMatch(/^[2-9A-Z]{5}(-[2-9A-Z]{5}){4}$/)
    expect(registerState(db)).toBe('encrypted')

    const before = [db, `${db}.keys`].map(sha)
    const wrong = cli('chief-pass-2', 'backup', '--db', db, '--user', '陈主任', '--out', path.join(dir, 'b.db'))
    expect(wrong.code).toBe(2)
    expect(wrong.stderr.trim().split('\n')).toEqual(['账号“陈主任”的密码不正确，未做任何改动'])
    expect([db, `${db}.keys`].map(sha)).toEqual(before)
    expect(fs.existsSync(path.join(dir, 'b.db'))).toBe(false)

    const noUser = cli('chief-pass-1', 'backup', '--db', db, '--out', path.join(dir, 'b.db'))
    expect(noUser.code).toBe(2)
    expect(noUser.stderr).toContain('--user')

    const ok = cli('chief-pass-1', 'backup', '--db', db, '--user', '陈主任', '--out', path.join(dir, 'b.db'), '--json')
    expect(ok.code, ok.stderr).toBe(0)
    expect(registerState(path.join(dir, 'b.db'))).toBe('encrypted')
    expect(fs.existsSync(path.join(dir, 'b.db.keys'))).toBe(true)
  }, 180_000)

  it('refuses a weak first password and an existing encrypted register', () => {
    const db = path.join(tempDir(), 'office.db')
    expect(cli('12345678', 'init', '--db', db, '--admin', '陈主任').stderr).toContain('密码不能全是数字')
    expect(fs.existsSync(db)).toBe(false)
    expect(cli('chief-pass-1', 'init', '--db', db, '--admin', '陈主任').code).toBe(0)
    expect(cli('chief-pass-1', 'init', '--db', db, '--admin', '陈主任').code).toBe(2)
  }, 120_000)
})
