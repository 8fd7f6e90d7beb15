/**
 * The reliability drills (`npm run drill`, `npm run drill -- --quick`): every drill/*.drill.ts, one after
 * another, against the built app; prints one table and exits non-zero when any trial failed.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Drill, DrillRow } from './types'

const ROOT = path.resolve(__dirname, '..')
const BUILT = path.join(ROOT, 'out', 'main', 'cli.js')

/** The newest modification time of any file under dir. */
function newest(dir: string): number {
  let t = 0
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs)
  }
  return t
}

/** Drills run against the build; a build older than the sources is made again first. */
function ensureBuilt(): void {
  if (fs.existsSync(BUILT) && fs.statSync(BUILT).mtimeMs >= newest(path.join(ROOT, 'src'))) return
  console.log('构建中（electron-vite build）…')
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'ignore' })
}

function table(rows: DrillRow[]): string {
  const head = ['演练', '次数', '失败', '最长耗时', '峰值内存', '说明']
  const body = rows.map((r) => [r.drill, String(r.trials), String(r.failures), `${Math.round(r.worstMs)} ms`, `${Math.round(r.peakMb)} MB`, r.note ?? ''])
  const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)
  const cols = head.map((_, i) => Math.max(...[head, ...body].map((r) => width(r[i]))))
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(cols[i] - width(c))).join('  ').trimEnd()
  return [line(head), cols.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}

async function main(): Promise<number> {
  const quick = process.argv.includes('--quick')
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'))
  ensureBuilt()
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.drill.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort()
  const rows: DrillRow[] = []
  const started = Date.now()
  for (const file of files) {
    const { drill } = (await import(path.join(__dirname, file))) as { drill: Drill }
    process.stdout.write(`▶ ${drill.name} …\n`)
    const t = Date.now()
    try {
      rows.push(...(await drill.run({ quick })))
    } catch (e) {
      rows.push({ drill: drill.name, trials: 0, failures: 1, worstMs: Date.now() - t, peakMb: 0, note: `演练本身出错：${(e as Error).message}` })
    }
  }
  console.log(`\n${table(rows)}\n\n共 ${rows.length} 项，用时 ${Math.round((Date.now() - started) / 1000)} 秒${quick ? '（--quick）' : ''}`)
  const failed = rows.filter((r) => r.failures > 0)
  if (failed.length > 0) console.log(`有失败：${failed.map((r) => r.drill).join('、')}`)
  return failed.length > 0 ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e)
    process.exit(2)
  }
)
