import { execFileSync, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkCharacter } from '../../shared/idcard'
import type { Result } from '../../shared/result'
import { buildApi } from '../api'
import {
  convertPlainRegister,
  createEncryptedRegister,
  dataKeyFor,
  dataKeyFromRecovery,
  openEncryptedRegister,
  registerState,
  setAccountPassword
} from './encrypted-register'
import { readSlots, slotFileOf } from './key-slots'
import { LATEST_VERSION, MIGRATIONS } from './migrations'

/** The version the previous release wrote. */
const PREVIOUS = MIGRATIONS[MIGRATIONS.length - 2].version
import { Store, StoreOpenError } from './store'
import { useTempDir } from './test-support'

const tempDir = useTempDir()
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
const ADMIN = { account: '张晓燕', password: 'longshan-2026' }

async function value<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(`expected success, got ${r.error.message}`)
  return r.value
}

/** People whose names and ID numbers must never be readable in the file; each differs from the others. */
const PEOPLE = ['欧阳锦绣', '司马青云', '诸葛明远'].map((name, i) => {
  const first17 = `33030219${80 + i}0${i + 1}1${i}06${i + 2}`
  return { name, idNumber: first17 + checkCharacter(first17) }
})
const VILLAGE = '翠竹湾村'

async function seed(store: Store): Promise<void> {
  const api = buildApi(store)
  await value(api.villages.create({ name: VILLAGE, kind: '村' }))
  for (const p of PEOPLE) await value(api.persons.create({ person: { name: p.name, idNumber: p.idNumber }, profile: {} }))
}

/** Every secret of the fixture that `strings` (ASCII and 8-bit, so UTF-8 Chinese too) finds in the file. */
function leaks(file: string): string[] {
  const text = execFileSync('strings', ['-a', '-n', '4', '-e', 'S', file], { maxBuffer: 256 << 20 }).toString('utf8')
  return [VILLAGE, ...PEOPLE.flatMap((p) => [p.name, p.idNumber])].filter((s) => text.includes(s))
}

describe('an encrypted register', () => {
  it('shows no name, ID number or village in the file, its WAL, a backup or a migration backup; a plain one does', async () => {
    const dir = tempDir()
    const plainFile = path.join(dir, 'plain.db')
    const plain = Store.fileStore(plainFile)
    await seed(plain)
    expect(leaks(`${plainFile}-wal`).length, 'the check finds what a plain WAL holds').toBeGreaterThan(0)
    plain.close()
    expect(leaks(plainFile)).toEqual(expect.arrayContaining([VILLAGE, PEOPLE[0].idNumber]))

    const file = path.join(dir, 'office.db')
    // Made at the previous version, then opened by this one: the copy taken before migrating must be encrypted too.
    const { store: old } = createEncryptedRegister(file, ADMIN, { targetVersion: PREVIOUS })
    await seed(old)
    old.close()
    const store = openEncryptedRegister(file, dataKeyFor(file, ADMIN)!)
    expect(store.version).toBe(LATEST_VERSION)
    const bak = store.backupBeforeMigration!
    expect(fs.existsSync(bak)).toBe(true)
    await buildApi(store).villages.create({ name: '第二村', kind: '村' })
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0)
    const backup = path.join(dir, 'copy', 'backup.db')
    await store.backupTo(backup)

    for (const f of [file, `${file}-wal`, bak, backup]) expect(leaks(f), f).toEqual([])
    expect(registerState(backup)).toBe('encrypted')
    // A backup carries its key slots and opens with the same password, without the register beside it.
    expect(readSlots(backup).slots).toEqual(readSlots(file).slots)
    store.close()
    const reopened = Store.fileStore(backup, { key: dataKeyFor(backup, ADMIN)! })
    expect(reopened.values<string>('SELECT name FROM persons ORDER BY name')).toEqual(PEOPLE.map((p) => p.name).sort())
    reopened.close()
  })

  it('refuses a wrong password and a wrong recovery key without changing a byte', async () => {
    const file = path.join(tempDir(), 'office.db')
    const { store, recoveryKey } = createEncryptedRegister(file, ADMIN)
    await seed(store)
    store.close()
    const files = [file, slotFileOf(file)]
    const before = files.map(sha)

    expect(dataKeyFor(file, { account: ADMIN.account, password: 'longshan-2025' })).toBeNull()
    expect(dataKeyFor(file, { account: '李四', password: ADMIN.password })).toBeNull()
    const wrongRecovery = recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))
    expect(dataKeyFromRecovery(file, wrongRecovery)).toBeNull()
    expect(() => Store.fileStore(file, { key: crypto.randomBytes(32) })).toThrow(StoreOpenError)
    expect(() => Store.fileStore(file)).toThrow(StoreOpenError)
    expect(files.map(sha)).toEqual(before)
    expect(fs.existsSync(`${file}-wal`)).toBe(false)

    // The recovery key as the clerk types it from paper: lower case, spaces for dashes.
    const key = dataKeyFromRecovery(file, recoveryKey.toLowerCase().replace(/-/g, ' '))
    expect(key).toEqual(dataKeyFor(file, ADMIN))
  })

  it('changes a password by rewriting its slot only', async () => {
    const file = path.join(tempDir(), 'office.db')
    const { store } = createEncryptedRegister(file, ADMIN)
    store.close()
    const key = dataKeyFor(file, ADMIN)!
    setAccountPassword(file, key, '王经办', 'wangjingban-1')
    const db = sha(file)
    const recovery = readSlots(file).slots.find((s) => s.kind === 'recovery')
    setAccountPassword(file, key, ADMIN.account, 'new-password-9')
    expect(sha(file)).toBe(db)
    expect(readSlots(file).slots.find((s) => s.kind === 'recovery')).toEqual(recovery)
    expect(dataKeyFor(file, ADMIN)).toBeNull()
    expect(dataKeyFor(file, { account: ADMIN.account, password: 'new-password-9' })).toEqual(key)
    expect(dataKeyFor(file, { account: '王经办', password: 'wangjingban-1' })).toEqual(key)
  })
})

/** Every row of every table, as text, in a stable order. */
function dump(store: Store): Record<string, string[]> {
  const tables = store.values<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
  return Object.fromEntries(tables.map((t) => [t, store.all(`SELECT * FROM "${t}"`).map((r) => JSON.stringify(r)).sort()]))
}

describe('converting a plain register of the previous version', () => {
  it('keeps every row of every table, leaves no plain copy and shows nothing readable', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'office.db')
    const plain = Store.fileStore(file, { targetVersion: PREVIOUS })
    await seed(plain)
    const rows = dump(plain)
    // Left in the WAL on purpose: the conversion must take what only the WAL holds.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0)
    plain.db.exec("UPDATE villages SET name = '翠竹湾村' WHERE name = '翠竹湾村'")

    // Kept at its version, to compare row for row; the next opening brings it up to date.
    const { store } = convertPlainRegister(file, ADMIN, { targetVersion: PREVIOUS })
    expect(store.version).toBe(PREVIOUS)
    expect(registerState(file)).toBe('encrypted')
    const after = dump(store)
    for (const [table, list] of Object.entries(rows)) expect(after[table], table).toEqual(list)
    store.close()
    plain.close()
    expect(fs.readdirSync(dir).sort()).toEqual(expect.arrayContaining(['office.db', 'office.db.keys']))
    expect(fs.readdirSync(dir).filter((f) => /plain-old|encrypting|\.bak$/.test(f))).toEqual([])
    expect(leaks(file)).toEqual([])
    // Converted at its own version, then brought up to date encrypted: the copy before migrating shows nothing either.
    const upgraded = openEncryptedRegister(file, dataKeyFor(file, ADMIN)!)
    expect(upgraded.version).toBe(LATEST_VERSION)
    expect(leaks(upgraded.backupBeforeMigration!)).toEqual([])
    upgraded.close()
  })

  it('leaves a register that opens when the process is killed at any moment of the conversion', async () => {
    const dir = tempDir()
    const source = path.join(dir, 'source.db')
    const seedStore = Store.fileStore(source, { targetVersion: PREVIOUS })
    await seed(seedStore)
    // Enough rows that the conversion takes a while to kill it in.
    seedStore.transaction(() => {
      for (let i = 0; i < 5000; i++) seedStore.run("INSERT INTO villages (name, kind, created_at, updated_at) VALUES (?, '村', 'x', 'x')", `填充村${i}`)
    })
    seedStore.checkpoint()
    const expected = dump(seedStore).villages.length
    seedStore.close()
    const script = path.join(dir, 'convert.ts')
    fs.writeFileSync(
      script,
      `import { convertPlainRegister } from ${JSON.stringify(path.resolve(__dirname, 'encrypted-register.ts'))}\n` +
        `process.stdout.write('start\\n')\nconvertPlainRegister(process.argv[2], ${JSON.stringify(ADMIN)}).store.close()\nprocess.stdout.write('done')\n`
    )
    /** Runs the conversion in a process of its own, killed with SIGKILL `killAfterMs` after it starts (never, without). */
    const convertIn = async (file: string, killAfterMs?: number): Promise<{ ms: number; finished: boolean }> => {
      const child = spawn(process.execPath, ['--import', 'tsx', script, file], { cwd: path.resolve(__dirname, '../../..'), stdio: ['ignore', 'pipe', 'inherit'] })
      let out = ''
      let started = 0
      let timer: NodeJS.Timeout | undefined
      child.stdout.on('data', (c) => {
        out += String(c)
        if (!started && out.includes('start')) {
          started = Date.now()
          if (killAfterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
        }
      })
      await new Promise((resolve) => child.once('exit', resolve))
      clearTimeout(timer)
      return { ms: Date.now() - started, finished: out.includes('done') }
    }
    const whole = path.join(dir, 'whole.db')
    fs.copyFileSync(source, whole)
    const full = await convertIn(whole)
    expect(full.finished).toBe(true)
    const outcomes: string[] = []
    for (const share of [0.15, 0.45, 0.7, 0.8, 0.88, 0.95]) {
      const file = path.join(dir, `office-${share}.db`)
      fs.copyFileSync(source, file)
      const run = await convertIn(file, Math.round(full.ms * share))
      const state = registerState(file)
      outcomes.push(`${share}:${state}${run.finished ? ':finished' : ''}`)
      const store = state === 'plain' ? Store.fileStore(file) : openEncryptedRegister(file, dataKeyFor(file, ADMIN)!)
      expect(store.integrity()).toBe('ok')
      expect(store.value<number>('SELECT count(*) FROM villages')).toBe(expected)
      store.close()
      if (state === 'encrypted') expect(fs.existsSync(`${file}.plain-old`)).toBe(false)
    }
    console.log(`conversion ${full.ms} ms; killed at`, outcomes.join(' '))
    expect(outcomes.length).toBe(6)
  }, 120_000)
})
