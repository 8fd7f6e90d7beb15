import ExcelJS from 'exceljs'
import { main } from '../src/main/cli'

/**
 * Runs one measured step in a fresh process, so each gets its own peak memory:
 *   measure.ts baseline FILE          the bare exceljs streaming read
 *   measure.ts cli ARGS…              the CLI, in-process, exactly as `huanjie ARGS…`
 * Prints its result as the last line: {"ms":…,"maxRssMb":…,"rows"?:…,"code"?:…}
 */
async function run(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2)
  const start = performance.now()
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
  } else {
    extra = { code: await main(args) }
  }
  const ms = performance.now() - start
  process.stdout.write(`\n${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, ...extra })}\n`)
}

void run()
