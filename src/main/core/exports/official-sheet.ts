import type ExcelJS from 'exceljs'
import type { Writable } from 'node:stream'
import type { JobContext } from '../jobs'
import { yieldToEventLoop } from '../jobs'
import { dateLine, hasGroups, headerGroups, toCell, unitLine, type Column, type TableSpec } from './table-spec'

// The whole of exceljs is loaded on the first export, so a process that builds every service but only imports never holds it.
let loaded: typeof ExcelJS | undefined
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = (): typeof ExcelJS => (loaded ??= require('exceljs'))

/**
 * The official sheet: every Excel table goes through here, so they all print alike — merged title,
 * 填报单位/日期 line, bordered cells, header rows repeated on each page, A4 fitted to the width,
 * "第 &P 页 共 &N 页" centred in the footer, frozen header, Chinese font names WPS and Excel know.
 */

/** GB2312 charset tells Excel/WPS which font to substitute when the named one is missing. */
const GB2312 = 134
const FONTS = {
  title: { name: '宋体', size: 18, bold: true, charset: GB2312 },
  line: { name: '仿宋', size: 11, charset: GB2312 },
  head: { name: '宋体', size: 11, bold: true, charset: GB2312 },
  body: { name: '仿宋', size: 11, charset: GB2312 },
  total: { name: '仿宋', size: 11, bold: true, charset: GB2312 },
  marked: { name: '仿宋', size: 11, bold: true, charset: GB2312, color: { argb: 'FFC00000' } }
} satisfies Record<string, Partial<ExcelJS.Font>>

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' }
}

const NUMBER_FORMATS = { number: 'General', percent: '0.0%', text: '@' }

/** Streamed sheets commit rows in batches and give the event loop a turn between them. */
const STREAM_BATCH = 2000

type Sheet = ExcelJS.Worksheet

function sheetOptions<R>(spec: TableSpec<R>, headerLastRow: number): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    properties: { defaultRowHeight: 20 } as ExcelJS.WorksheetProperties,
    pageSetup: {
      paperSize: 9,
      orientation: spec.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `3:${headerLastRow}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 }
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页', evenFooter: '&C第 &P 页 共 &N 页' } as ExcelJS.HeaderFooter,
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerLastRow, topLeftCell: `A${headerLastRow + 1}`, activeCell: `A${headerLastRow + 1}` }]
  }
}

const headerRowCount = <R>(spec: TableSpec<R>): number => (hasGroups(spec) ? 2 : 1)

function columnStyle<R>(c: Column<R>, look: 'body' | 'total' | 'marked'): Partial<ExcelJS.Style> {
  const kind = c.kind ?? 'text'
  const numeric = kind === 'number' || kind === 'percent'
  return {
    font: FONTS[look],
    border: THIN,
    numFmt: numeric ? NUMBER_FORMATS[kind as 'number' | 'percent'] : NUMBER_FORMATS.text,
    alignment: { vertical: 'middle', horizontal: c.align ?? (numeric ? 'center' : 'left'), wrapText: true }
  }
}

/** Title, unit/date line and header rows; returns the last header row number. */
function writeHead<R>(ws: Sheet, spec: TableSpec<R>, commit: boolean): number {
  const n = spec.columns.length
  const done = (row: ExcelJS.Row) => {
    if (commit) row.commit()
  }
  const title = ws.getRow(1)
  title.height = 36
  title.getCell(1).value = spec.title
  title.getCell(1).style = { font: FONTS.title, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }
  ws.mergeCells(1, 1, 1, n)
  done(title)

  const line = ws.getRow(2)
  line.height = 22
  const split = Math.max(1, Math.ceil(n / 2))
  line.getCell(1).value = unitLine(spec)
  line.getCell(1).style = { font: FONTS.line, alignment: { horizontal: 'left', vertical: 'middle' } }
  line.getCell(split + 1 > n ? n : split + 1).value = dateLine(spec)
  line.getCell(split + 1 > n ? n : split + 1).style = { font: FONTS.line, alignment: { horizontal: 'right', vertical: 'middle' } }
  if (split > 1) ws.mergeCells(2, 1, 2, split)
  if (n - split > 1) ws.mergeCells(2, split + 1, 2, n)
  done(line)

  const headStyle: Partial<ExcelJS.Style> = {
    font: FONTS.head,
    border: THIN,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
  }
  if (hasGroups(spec)) {
    const top = ws.getRow(3)
    const bottom = ws.getRow(4)
    top.height = 24
    bottom.height = 30
    for (const g of headerGroups(spec.columns)) {
      for (let i = g.from; i <= g.to; i++) {
        top.getCell(i + 1).style = headStyle
        bottom.getCell(i + 1).style = headStyle
        bottom.getCell(i + 1).value = spec.columns[i].header
      }
      top.getCell(g.from + 1).value = g.label ?? spec.columns[g.from].header
      if (g.label === null) ws.mergeCells(3, g.from + 1, 4, g.from + 1)
      else if (g.to > g.from) ws.mergeCells(3, g.from + 1, 3, g.to + 1)
    }
    done(top)
    done(bottom)
    return 4
  }
  const head = ws.getRow(3)
  head.height = 30
  spec.columns.forEach((c, i) => {
    head.getCell(i + 1).value = c.header
    head.getCell(i + 1).style = headStyle
  })
  done(head)
  return 3
}

interface RowWriter<R> {
  (ws: Sheet, row: R, index: number): ExcelJS.Row
}

function rowWriter<R>(spec: TableSpec<R>, firstRow: number): RowWriter<R> {
  const styles = spec.columns.map((c) => columnStyle(c, 'body'))
  const totalStyles = spec.columns.map((c) => columnStyle(c, 'total'))
  const markedStyles = spec.columns.map((c) => columnStyle(c, 'marked'))
  return (ws, row, index) => {
    const r = ws.getRow(firstRow + index)
    const total = spec.isTotal?.(row) ?? false
    spec.columns.forEach((c, i) => {
      const cell = r.getCell(i + 1)
      const v = toCell(c.kind ?? 'text', c.value(row, index))
      // A string value is stored as a string cell, never as a formula, whatever it starts with.
      cell.value = v.kind === 'empty' ? null : v.value
      cell.style = c.mark?.(row) ? markedStyles[i] : total ? totalStyles[i] : styles[i]
    })
    return r
  }
}

function writeNote<R>(ws: Sheet, spec: TableSpec<R>, rowNumber: number): ExcelJS.Row | null {
  if (!spec.note) return null
  const r = ws.getRow(rowNumber)
  r.getCell(1).value = spec.note
  r.getCell(1).style = { font: FONTS.line, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } }
  ws.mergeCells(rowNumber, 1, rowNumber, spec.columns.length)
  r.height = 36
  return r
}

function addSheet<R>(wb: ExcelJS.Workbook, spec: TableSpec<R>): Sheet {
  const headerLast = 2 + headerRowCount(spec)
  const ws = wb.addWorksheet(spec.sheetName, sheetOptions(spec, headerLast))
  ws.columns = spec.columns.map((c) => ({ width: c.width }))
  return ws
}

/** A table that fits in memory: the whole workbook as bytes. */
export async function officialSheetBuffer<R>(spec: TableSpec<R>, rows: Iterable<R>): Promise<Buffer> {
  const wb = new (excel().Workbook)()
  wb.creator = '换届工作台'
  const ws = addSheet(wb, spec)
  const headerLast = writeHead(ws, spec, false)
  const write = rowWriter(spec, headerLast + 1)
  let i = 0
  for (const row of rows) write(ws, row, i++)
  writeNote(ws, spec, headerLast + 1 + i)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * A large table (100,000 voters) through exceljs's streaming writer: rows are committed as they are
 * written, strings inline (no shared-string table), so memory stays flat whatever the row count.
 */
export async function streamOfficialSheet<R>(
  spec: TableSpec<R>,
  rows: Iterable<R> | AsyncIterable<R>,
  out: { filename: string } | { stream: Writable },
  job?: { ctx: JobContext; total: number | null }
): Promise<number> {
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ ...out, useStyles: true, useSharedStrings: false })
  wb.creator = '换届工作台'
  const ws = addSheet(wb as unknown as ExcelJS.Workbook, spec)
  const headerLast = writeHead(ws, spec, true)
  const write = rowWriter(spec, headerLast + 1)
  let i = 0
  for await (const row of rows) {
    write(ws, row, i).commit()
    i++
    if (i % STREAM_BATCH === 0) {
      job?.ctx.throwIfCancelled()
      job?.ctx.progress(i, job.total, `已写入 ${i} 行`)
      await yieldToEventLoop()
    }
  }
  job?.ctx.progress(i, job.total, `已写入 ${i} 行`)
  writeNote(ws, spec, headerLast + 1 + i)?.commit()
  ws.commit()
  await wb.commit()
  return i
}
