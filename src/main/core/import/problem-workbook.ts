import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { ImportProblem } from '../../../shared/import'
import { csvEncoding, csvRecords, type CsvInput } from './csv'
import type { FileInput } from './source'
import { readXlsx, type Cell, type SourceRow } from './xlsx'

/** What the problem list needs of a checked file: which sheet, where its header is, and what was wrong where. */
export interface CheckedFile {
  format: 'xlsx' | 'csv'
  sheet: string
  headerRow: number
  problems: ImportProblem[]
}

export const PROBLEM_HEADER = '问题'

/** "第5行 D列（公民身份号码）：校验位错误" — one line per problem of a row. */
export const problemText = (p: ImportProblem): string =>
  `第${p.row}行${p.column ? ` ${p.column}列` : ''}${p.header ? `（${p.header}）` : ''}：${p.message}`

/**
 * 导出问题清单: the rejected rows as the roster wrote them, under the roster's own header, with a 问题 column
 * saying for each row its row number, the column and the reason. The clerk fixes them in Excel and the
 * corrected rows go back in with the rest of the file.
 */
export async function problemWorkbook(input: FileInput, file: CheckedFile): Promise<Buffer> {
  const byRow = new Map<number, ImportProblem[]>()
  for (const p of file.problems) if (p.row > 0) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p])
  let header: Cell[] = []
  const bad: SourceRow[] = []
  for await (const row of rowsOf(input, file)) {
    if (row.row === file.headerRow) header = row.cells
    else if (byRow.has(row.row)) bad.push(row)
  }
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(`${file.sheet}问题清单`.slice(0, 31))
  const width = Math.max(header.length, ...bad.map((r) => r.cells.length))
  const problemColumn = width + 1
  ws.addRow([...Array.from({ length: width }, (_, i) => header[i] ?? ''), PROBLEM_HEADER]).font = { bold: true }
  for (const r of bad) {
    const row = ws.addRow([...Array.from({ length: width }, (_, i) => r.cells[i] ?? null), byRow.get(r.row)!.map(problemText).join('\n')])
    row.getCell(problemColumn).alignment = { wrapText: true, vertical: 'top' }
    for (const p of byRow.get(r.row)!) {
      const at = p.column ? columnIndex(p.column) : null
      if (at !== null && at < width) row.getCell(at + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE0E0' } }
    }
  }
  // Text cells stay text: an 18-digit ID written back as a number would lose its last digits again.
  ws.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'string') cell.numFmt = '@'
  }))
  ws.getColumn(problemColumn).width = 60
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  const whole = file.problems.filter((p) => p.row === 0)
  if (whole.length) ws.addRow([])
  for (const p of whole) ws.addRow([`整个文件：${p.message}`])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A → 0, AA → 26: the inverse of columnLetter. */
function columnIndex(letter: string): number | null {
  if (!/^[A-Z]+$/.test(letter)) return null
  return [...letter].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1
}

async function* rowsOf(input: FileInput, file: CheckedFile): AsyncIterable<SourceRow> {
  const bytes = 'bytes' in input ? input.bytes : null
  const onDisk = 'path' in input ? path.resolve(input.path) : ''
  if (file.format === 'csv') {
    const csv: CsvInput = bytes ? { bytes } : { path: onDisk }
    let row = 0
    for await (const { records } of csvRecords(csv, await csvEncoding(csv), 1000)) {
      for (const cells of records) yield { row: ++row, cells: cells as Cell[] }
    }
    return
  }
  const stream = bytes ? Readable.from([bytes]) : fs.createReadStream(onDisk)
  for await (const sheet of readXlsx(stream)) {
    for await (const batch of sheet.rows) if (sheet.name === file.sheet) yield* batch
  }
}
