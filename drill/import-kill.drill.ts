import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { Store } from '../src/main/core/store'
import { nthId, personRows, xlsxBuffer } from '../tests/fixtures/rosters'
import { random } from '../tests/fixtures/fuzz-corpus'
import type { DrillRow } from './types'

const CHILD = path.join(__dirname, 'import-kill-child.ts')

interface Run {
  ms: number
  /** When the child reached the commit phase (ms from its start), if it did. */
  committingAt: number | null
  done: boolean
  peakMb: number
}

/** When to kill: this long after the child starts, or after it says it has begun writing. */
type Kill = { from: 'start' | 'committing'; ms: number } | null

/** The child importing `roster` into `db`, killed with SIGKILL as `kill` says (never, when null). */
function importOnce(db: string, roster: string, kill: Kill): Promise<Run> {
  return new Promise((resolve) => {
    const start = performance.now()
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, roster], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    let committingAt: number | null = null
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      if (committingAt === null && out.includes('committing')) {
        committingAt = performance.now() - start
        if (kill?.from === 'committing') timer = setTimeout(() => child.kill('SIGKILL'), kill.ms)
      }
    })
    let timer = kill?.from === 'start' ? setTimeout(() => child.kill('SIGKILL'), kill.ms) : undefined
    child.on('exit', () => {
      clearTimeout(timer)
      resolve({ ms: performance.now() - start, committingAt, done: out.includes('done'), peakMb: Number(/rss (\d+)/.exec(out)?.[1] ?? 0) })
    })
  })
}

/** What the killed import left: the file's check, the people, and the import's audit rows. */
function inspect(db: string): { integrity: string; persons: number; audits: number } {
  // Opening it as the app does replays or drops the WAL; then a plain reader checks it.
  Store.fileStore(db).close()
  const d = new Database(db, { readonly: true })
  try {
    return {
      integrity: d.pragma('integrity_check', { simple: true }) as string,
      persons: d.prepare('SELECT count(*) FROM persons').pluck().get() as number,
      audits: d.prepare(`SELECT count(*) FROM audit_log WHERE action = 'import'`).pluck().get() as number
    }
  } finally {
    d.close()
  }
}

/**
 * kill -9 during an import at random moments, reading or committing: every time the register reopens, passes
 * its integrity check, and holds either none of the roster or all of it with its one audit entry.
 */
export const drill = {
  name: 'import-kill',
  async run(opts: { quick: boolean }): Promise<DrillRow[]> {
    const rows = opts.quick ? 8000 : 30_000
    const trials = opts.quick ? 4 : 20
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-kill-'))
    try {
      const roster = path.join(dir, '人员.xlsx')
      fs.writeFileSync(roster, await xlsxBuffer([{ name: '人员', rows: personRows(Array.from({ length: rows }, (_, i) => ({ name: `人员${i}号`, id: nthId(i) }))) }]))
      const template = path.join(dir, 'template.db')
      Store.fileStore(template).close()
      const fresh = (name: string) => {
        const db = path.join(dir, name)
        fs.copyFileSync(template, db)
        return db
      }
      const whole = await importOnce(fresh('whole.db'), roster, null)
      const failures: string[] = []
      if (!whole.done || inspect(path.join(dir, 'whole.db')).persons !== rows) failures.push('未被打断的导入没有完成')
      const rnd = random(opts.quick ? 14 : 15)
      let worst = whole.ms
      let committing = 0
      for (let t = 0; t < trials; t++) {
        const db = fresh(`trial-${t}.db`)
        // Half the kills land while the file is read, half while its rows are written.
        const commitAt = whole.committingAt ?? whole.ms / 2
        const writing = Math.max(50, whole.ms - commitAt - 200)
        const kill: Kill = t % 2 === 0 ? { from: 'start', ms: 300 + rnd() * (commitAt - 300) } : { from: 'committing', ms: rnd() * writing }
        const run = await importOnce(db, roster, kill)
        worst = Math.max(worst, run.ms)
        if (run.committingAt !== null && !run.done) committing++
        const left = inspect(db)
        const none = left.persons === 0 && left.audits === 0
        const all = left.persons === rows && left.audits === 1
        if (left.integrity !== 'ok') failures.push(`第${t + 1}次：完整性检查 ${left.integrity}`)
        else if (!none && !all) failures.push(`第${t + 1}次：只留下了 ${left.persons} 人、${left.audits} 条导入记录`)
        fs.rmSync(db, { force: true })
      }
      return [
        {
          drill: `import-kill（kill -9，${rows} 行，${committing} 次在写入阶段被杀）`,
          trials,
          failures: failures.length,
          worstMs: Math.round(worst),
          peakMb: whole.peakMb,
          note: failures.length ? failures.slice(0, 3).join('；') : undefined
        }
      ]
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}
