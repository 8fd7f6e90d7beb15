import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'

/** The CLI as `huanjie` runs it: the build, with its bundled reader thread (npm run bench builds first). */
const BUILT_CLI = path.join(__dirname, '..', 'out', 'main', 'cli.js')

/**
 * Runs one measured step in a fresh process, so each gets its own peak memory:
 *   measure.ts baseline FILE          the bare exceljs streaming read
 *   measure.ts plain-sheet DB OUT     the 选民名单's rows from the database through exceljs's streaming writer, unstyled
 *   measure.ts cli ARGS…              the built CLI, in-process, exactly as `huanjie ARGS…`
 * Prints its result as the last line: {"ms":…,"cpuMs":…,"maxRssMb":…,"rows"?:…,"code"?:…}
 */
async function run(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2)
  if (mode === 'cli' && !fs.existsSync(BUILT_CLI)) throw new Error('命令行尚未构建，请先运行 npm run build')
  const cli = mode === 'cli' ? (require(BUILT_CLI) as typeof import('../src/main/cli')) : null
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  let extra: Record<string, unknown> = {}
  if (mode === 'baseline') {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(args[0], { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' })
    let rows = 0
    let cells = 0
    for await (const ws of reader) {
      for await (const row of ws) {
        rows++
        cells += (row.values as unknown[]).length
      }
    }
    extra = { rows, cells }
  } else if (mode === 'plain-sheet') {
    const db = new Database(args[0], { readonly: true })
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: args[1], useStyles: false, useSharedStrings: false })
    const ws = wb.addWorksheet('选民名单')
    const select = db.prepare(
      `SELECT g.name AS village, v.group_name, p.name, p.sex, p.birth_date, v.category, v.note FROM voters v
       JOIN persons p ON p.id = v.person_id JOIN villages g ON g.id = v.village_id ORDER BY v.village_id, v.group_name, v.id`
    )
    let rows = 0
    for (const r of select.iterate() as Iterable<Record<string, unknown>>) ws.addRow([++rows, ...Object.values(r)]).commit()
    ws.commit()
    await wb.commit()
    db.close()
    extra = { rows }
  } else {
    extra = { code: await cli!.main(args) }
  }
  const ms = performance.now() - start
  // Every thread of the process: the import reads on one and writes on another.
  const cpu = process.cpuUsage(cpuStart)
  const cpuMs = (cpu.user + cpu.system) / 1000
  process.stdout.write(`\n${JSON.stringify({ ms, cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024, ...extra })}\n`)
}

void run()
