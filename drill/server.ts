import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import type Database from 'better-sqlite3'
import { dataKeyFor, registerState } from '../src/main/core/encrypted-register'
import { openConnection } from '../src/main/core/sqlcipher'
import { Store } from '../src/main/core/store'

const CLI = path.resolve(__dirname, '..', 'out', 'main', 'cli.js')
export const TOKEN_HEADER = 'x-huanjie-token'
export const SESSION_HEADER = 'x-huanjie-session'
/** The drills' 管理员: set up on a new or plain register (which converts it), signed in on an encrypted one. */
const DRILL_ADMIN = { name: '演练管理员', password: 'drill-2026-huanjie' }

export interface Served {
  port: number
  token: string
  /** The drills' 管理员's session, sent with every call. */
  session: string
  child: ChildProcess
  /** A call of the API as the renderer makes it; resolves to the Result, or throws when the connection fails. */
  call<T = unknown>(name: string, input?: unknown): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }>
  /** The server process's peak resident memory so far (VmHWM), in MB. */
  peakMb(): number
  /** CPU time the server process has used so far (user + system), in ms: on a loaded machine, beside wall time. */
  cpuMs(): number
  alive(): boolean
  stop(): Promise<void>
}

/** A connection to a drill's register as the server left it: keyed with the drills' 管理员 once the server has encrypted it. */
export function openDrillRegister(file: string, options: Database.Options = {}): Database.Database {
  return openConnection(file, { key: drillKey(file) }, options)
}

/** The register reopened as the program opens it (migrations, checks), then closed: it throws if it cannot. */
export function reopenDrillRegister(file: string): void {
  Store.fileStore(file, { key: drillKey(file) }).close()
}

function drillKey(file: string): Buffer | undefined {
  if (registerState(file) !== 'encrypted') return undefined
  const key = dataKeyFor(file, { account: DRILL_ADMIN.name, password: DRILL_ADMIN.password })
  if (!key) throw new Error('演练管理员的密码打不开这个数据库')
  return key
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-drill-'))
}

/** Browser mode exactly as a user starts it: `node out/main/cli.js serve --db FILE`. */
export async function serve(db: string): Promise<Served> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (c) => (stderr += String(c)))
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`浏览器模式未能启动（退出码 ${code}）：${stderr}`)))
  })
  const { url } = JSON.parse(line) as { url: string }
  const port = Number(new URL(url).port)
  const token = new URL(url).searchParams.get('token')!
  const post = async (name: string, input: unknown, session = '') => {
    const res = await fetch(`http://127.0.0.1:${port}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, ...(session ? { [SESSION_HEADER]: session } : {}) },
      body: input === undefined ? '' : JSON.stringify(input)
    })
    return res.json()
  }
  const status = (await post('session.status', {})) as { value: { register: string } }
  const signed = (await post(status.value.register === 'encrypted' ? 'session.login' : 'session.setup', status.value.register === 'encrypted' ? { account: DRILL_ADMIN.name, password: DRILL_ADMIN.password } : DRILL_ADMIN)) as {
    ok: boolean
    value: { session: string }
    error?: { message: string }
  }
  if (!signed.ok) throw new Error(`演练无法登录：${signed.error?.message}`)
  const session = signed.value.session
  return {
    port,
    token,
    child,
    session,
    call: (name, input) => post(name, input, session),
    peakMb() {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        return m ? Number(m[1]) / 1024 : 0
      } catch {
        return 0
      }
    },
    cpuMs() {
      try {
        // Fields 14 and 15 of /proc/PID/stat, after the command name in parentheses; in clock ticks (100 a second).
        const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')
        return (Number(fields[11]) + Number(fields[12])) * 10
      } catch {
        return 0
      }
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}

/** Bytes sent as written, no client tidying them; resolves to the status code answered (0 for none). */
export function rawRequest(port: number, bytes: string | Buffer, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    let got = ''
    const done = () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0))
    socket.setTimeout(timeoutMs, () => socket.destroy())
    socket.on('data', (c) => {
      got += c.toString('latin1')
      if (/\r\n\r\n/.test(got)) socket.destroy()
    })
    socket.on('close', done)
    socket.on('error', () => undefined)
    socket.write(bytes)
  })
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
