import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkCharacter } from '../../shared/idcard'
import type { Result } from '../../shared/result'
import type { Clock } from '../core/clock'
import { useTempDir } from '../core/test-support'
import { ACCESS } from './access'
import { ACCOUNTS_ACCESS, Gate } from './gate'
import { apiOf } from './index'

const tempDir = useTempDir()
const sha = (file: string) => (fs.existsSync(file) ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') : 'none')

/** A clock the test moves by hand (the idle lock and the growing wait are read from it). */
function movableClock(): Clock & { advance(seconds: number): void } {
  let at = Date.parse('2026-12-01T09:00:00+08:00')
  const stamp = () => new Date(at + 8 * 3600_000).toISOString().replace(/\.\d+Z$/, '+08:00')
  return { today: () => stamp().slice(0, 10), now: stamp, advance: (s) => (at += s * 1000) }
}

async function value<T>(p: Promise<Result<T>> | Result<T>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(`expected success, got ${r.error.message}`)
  return r.value
}

const idOf = (first17: string) => first17 + checkCharacter(first17)

/** A register with two villages, a voter in each, and accounts of every role; 驻村 is limited to 东岭村. */
async function office() {
  const file = path.join(tempDir(), 'office.db')
  const clock = movableClock()
  const gate = new Gate(file, { clock })
  const admin = (await value(gate.call(undefined, 'session.setup', { name: '张管理', password: 'admin-pass-1' }))) as { session: string }
  const as = (session: string) => (name: string, input?: unknown) => gate.call(session, name, input)
  const a = as(admin.session)
  const east = await value(a('villages.create', { name: '东岭村', kind: '村', committeeElectionDate: '2027-03-01' })) as { id: number }
  const west = await value(a('villages.create', { name: '西岭村', kind: '村', committeeElectionDate: '2027-03-01' })) as { id: number }
  await value(a('voters.create', { villageId: east.id, idNumber: idOf('33030219800101121'), name: '东村选民', category: 1 }))
  const westVoter = await value(a('voters.create', { villageId: west.id, idNumber: idOf('33030219810202242'), name: '西村选民', category: 1 })) as { id: number }
  await value(a('accounts.create', { name: '李查阅', role: '查阅', password: 'reader-pass-1' }))
  await value(a('accounts.create', { name: '王经办', role: '经办人', password: 'clerk-pass-1' }))
  await value(a('accounts.create', { name: '赵驻村', role: '经办人', villageIds: [east.id], password: 'village-pass-1' }))
  const login = async (account: string, password: string) => ((await value(gate.call(undefined, 'session.login', { account, password }))) as { session: string }).session
  return { file, clock, gate, admin: a, as, login, east, west, westVoter }
}

describe('the role matrix, generated from the API object', () => {
  it('declares every method of the API', async () => {
    const { gate } = await office()
    const api = (gate as unknown as { api: ReturnType<typeof apiOf> }).api
    for (const [ns, methods] of Object.entries(api)) {
      expect(Object.keys(ACCESS[ns as keyof typeof ACCESS] ?? {}).sort(), ns).toEqual(Object.keys(methods).sort())
    }
    expect(Object.keys(ACCESS).sort()).toEqual(Object.keys(api).sort())
  })

  it('refuses every write to 查阅, changing nothing and saying why; lets every read through', async () => {
    const { file, as, login } = await office()
    const reader = as(await login('李查阅', 'reader-pass-1'))
    const names = [
      ...Object.entries(ACCESS).flatMap(([ns, methods]) => Object.entries(methods).map(([m, need]) => [`${ns}.${m}`, need] as const)),
      ...Object.entries(ACCOUNTS_ACCESS).map(([m, need]) => [`accounts.${m}`, need] as const)
    ]
    let writes = 0
    for (const [name, need] of names) {
      const before = [file, `${file}-wal`, `${file}.keys`].map(sha)
      const r = await reader(name, {})
      if (need === 'write' || need === 'admin') {
        writes++
        expect(r.ok, name).toBe(false)
        if (!r.ok) {
          expect(r.error.code, name).toBe('forbidden')
          expect(r.error.message, name).toMatch(/您的账号（查阅）没有“.+”的权限，操作未执行/)
        }
        expect([file, `${file}-wal`, `${file}.keys`].map(sha), name).toEqual(before)
      } else {
        expect(r.ok ? 'ok' : r.error.code, name).not.toBe('forbidden')
      }
    }
    expect(writes).toBeGreaterThan(60)
  })

  it('lets 经办人 write but not manage accounts or settings; every audit row names the account', async () => {
    const { as, login, admin } = await office()
    const clerk = as(await login('王经办', 'clerk-pass-1'))
    await value(clerk('villages.create', { name: '南岭村', kind: '村' }))
    expect((await clerk('accounts.list')).ok).toBe(false)
    expect((await clerk('vetting.saveSetting', { key: 'publicityDays', value: 7 })).ok).toBe(false)
    const rows = await value(admin('audit.list', { actor: '王经办' })) as { actor: string; summary: string }[]
    expect(rows.map((r) => r.summary)).toEqual(expect.arrayContaining([expect.stringContaining('南岭村')]))
    expect(new Set(rows.map((r) => r.actor))).toEqual(new Set(['王经办']))
    const all = await value(admin('audit.list', {})) as { actor: string; action: string }[]
    expect(all.filter((r) => r.action === 'create').map((r) => r.actor)).toEqual(expect.arrayContaining(['张管理', '王经办']))
  })
})

describe('an account limited to one village', () => {
  it('never sees another village in lists, records or exports', async () => {
    const { as, login, east, west, westVoter, admin } = await office()
    const limited = as(await login('赵驻村', 'village-pass-1'))
    const villages = await value(limited('villages.list', {})) as { name: string }[]
    expect(villages.map((v) => v.name)).toEqual(['东岭村'])
    const voters = await value(limited('voters.list', {})) as { rows?: { name: string }[] } | { name: string }[]
    expect(JSON.stringify(voters)).toContain('东村选民')
    expect(JSON.stringify(voters)).not.toContain('西村选民')
    const r = await limited('voters.get', { id: westVoter.id })
    expect(r.ok ? 'ok' : r.error.code).toBe('forbidden')
    expect((await limited('voters.list', { villageId: west.id })).ok).toBe(false)
    expect((await limited('exports.file', { table: 'voters', format: 'xlsx' })).ok).toBe(false)
    expect((await limited('exports.file', { table: 'voters', format: 'xlsx', villageId: west.id })).ok).toBe(false)
    await value(limited('exports.file', { table: 'voters', format: 'xlsx', villageId: east.id }))
    const exports = await value(admin('audit.list', { actor: '赵驻村' })) as { action: string; after: { table: string; villageId: number } }[]
    expect(exports.filter((e) => e.action === 'export').map((e) => e.after)).toEqual([expect.objectContaining({ table: 'voters', villageId: east.id })])
  })
})

describe('signing in', () => {
  it('makes each try wait after five wrong passwords, growing, and records them all', async () => {
    const { gate, clock, admin, file } = await office()
    const before = [file, `${file}.keys`].map(sha)
    const tryWith = (password: string) => gate.call(undefined, 'session.login', { account: '李查阅', password })
    for (let i = 0; i < 5; i++) expect((await tryWith('wrong-pass')).ok).toBe(false)
    const waiting = await tryWith('reader-pass-1')
    expect(waiting.ok ? '' : waiting.error.message).toMatch(/请在 30 秒后再试/)
    clock.advance(31)
    expect((await tryWith('wrong-again')).ok).toBe(false)
    const longer = await tryWith('reader-pass-1')
    expect(longer.ok ? '' : longer.error.message).toMatch(/请在 60 秒后再试/)
    clock.advance(61)
    await value(tryWith('reader-pass-1'))
    expect([file, `${file}.keys`].map(sha)[1]).toBe(before[1])
    const failed = (await value(admin('audit.list', { actor: '李查阅' })) as { action: string; summary: string }[]).filter((r) => r.action === 'login_failed')
    expect(failed.map((r) => r.summary)).toEqual(['“李查阅”登录前密码连续错误 6 次', ...[6, 5, 4, 3, 2, 1].map((n) => `“李查阅”密码错误（连续第 ${n} 次）`)])
  })

  it('locks an idle session until the same password is given, and 管理员 resets passwords', async () => {
    const { gate, clock, as, login, admin } = await office()
    const session = await login('李查阅', 'reader-pass-1')
    const reader = as(session)
    await value(reader('villages.list', {}))
    clock.advance(11 * 60)
    const locked = await reader('villages.list', {})
    expect(locked.ok ? '' : locked.error.code).toBe('locked')
    expect((await gate.call(session, 'session.unlock', { password: 'clerk-pass-1' })).ok).toBe(false)
    await value(gate.call(session, 'session.unlock', { password: 'reader-pass-1' }))
    await value(reader('villages.list', {}))

    clock.advance(11 * 60)
    await value(gate.call((await login('张管理', 'admin-pass-1')), 'accounts.resetPassword', { name: '李查阅', password: 'new-reader-2' }))
    expect((await gate.call(undefined, 'session.login', { account: '李查阅', password: 'reader-pass-1' })).ok).toBe(false)
    await login('李查阅', 'new-reader-2')
    void admin
  })
})
