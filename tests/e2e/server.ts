import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'

const CLI = path.resolve(__dirname, '../../out/main/cli.js')

/** The 管理员 every e2e register is set up with (first-run setup through the API, as the page would). */
export const E2E_ADMIN = { name: '测试管理员', password: 'e2e-admin-pass' }

export interface RunningServer {
  /** The address with the token and a signed-in 管理员's session: a page opened there is past the login. */
  url: string
  token: string
  /** The 管理员's session, sent by callApi. */
  session: string
  dbPath: string
  /** The server's process, for its peak memory (/proc/PID/status). */
  pid: number
  stop(): Promise<void>
}

/** The headers of an API call as the signed-in page sends them: the run's token and the 管理员's session. */
export function apiHeaders(server: { token: string; session: string }): Record<string, string> {
  return { 'content-type': 'application/json', 'x-huanjie-token': server.token, 'x-huanjie-session': server.session }
}

/** One API call as the UI makes it, over the server's HTTP with its token; an error becomes a throw. */
export async function callApi<T>(server: RunningServer, name: string, input: unknown): Promise<T> {
  const res = await fetch(new URL(`/api/${name}`, server.url), {
    method: 'POST',
    headers: apiHeaders(server),
    body: JSON.stringify(input)
  })
  const r = (await res.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!r.ok) throw new Error(r.error?.message)
  return r.value
}

/** Sets up the register's 管理员 on first start, or signs in as it: the session every test page and call uses. */
async function signIn(url: string, token: string): Promise<string> {
  const post = async (name: string, input: unknown) => {
    const res = await fetch(new URL(`/api/${name}`, url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-huanjie-token': token }, body: JSON.stringify(input) })
    return (await res.json()) as { ok: boolean; value: { session: string; register: string }; error?: { message: string } }
  }
  const status = await post('session.status', {})
  const r = status.value.register === 'encrypted' ? await post('session.login', { account: E2E_ADMIN.name, password: E2E_ADMIN.password }) : await post('session.setup', E2E_ADMIN)
  if (!r.ok) throw new Error(r.error?.message)
  return r.value.session
}

/** A temporary folder per test that is removed afterwards, so tests never share a database. */
export function tempDir(prefix = 'huanjie-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/**
 * Starts browser mode exactly as a user would (`huanjie serve --db FILE`), on a free port, signed in as E2E_ADMIN
 * (set up on first start) unless `signIn` is false: then the page shows the first-run setup or the login itself.
 */
export async function startServer(dbPath: string, { signIn: withSession = true } = {}): Promise<RunningServer> {
  if (!fs.existsSync(CLI)) throw new Error('out/main/cli.js is missing: run `npm run build` first')
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--db', dbPath, '--port', '0', '--json'], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr!.on('data', (c) => (stderr += String(c)))
  const line = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! })
    rl.once('line', resolve)
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)))
  })
  const { url } = JSON.parse(line) as { url: string }
  const token = new URL(url).searchParams.get('token')!
  const session = withSession ? await signIn(url, token) : ''
  const signedIn = new URL(url)
  if (session) signedIn.searchParams.set('session', session)
  return {
    url: signedIn.toString(),
    token,
    session,
    dbPath,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}
