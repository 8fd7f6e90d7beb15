import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'

const CLI = path.resolve(__dirname, '../../out/main/cli.js')

export interface RunningServer {
  url: string
  token: string
  dbPath: string
  /** The server's process, for its peak memory (/proc/PID/status). */
  pid: number
  stop(): Promise<void>
}

/** One API call as the UI makes it, over the server's HTTP with its token; an error becomes a throw. */
export async function callApi<T>(server: RunningServer, name: string, input: unknown): Promise<T> {
  const res = await fetch(new URL(`/api/${name}`, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-huanjie-token': server.token },
    body: JSON.stringify(input)
  })
  const r = (await res.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!r.ok) throw new Error(r.error?.message)
  return r.value
}

/** A temporary folder per test that is removed afterwards, so tests never share a database. */
export function tempDir(prefix = 'huanjie-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Starts browser mode exactly as a user would (`huanjie serve --db FILE`), on a free port. */
export async function startServer(dbPath: string): Promise<RunningServer> {
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
  return {
    url,
    token: new URL(url).searchParams.get('token')!,
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
