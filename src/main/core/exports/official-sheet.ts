import type ExcelJS from 'exceljs'
import type { Writable } from 'node:stream'
import type { JobContext } from '../jobs'
import { yieldToEventLoop } from '../jobs'
import { columnPoints, fittedHeight } from './sheet-fit'
import { cellText, columnParts, dateLine, hasGroups, headerGroups, toCell, unitLine, type Column, type TableSpec } from './table-spec'

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

/**
 * Column units an A4 page holds across with the 11 pt body printed at ≥ 9 pt (82 %): a wider table
 * with key columns prints over several pages across instead of shrinking to fit one.
 */
const SHEET_UNITS = { landscape: 175, portrait: 120 }

/** A one-line body row, in points. */
const ROW_HEIGHT = 20

function sheetOptions<R>(spec: TableSpec<R>, headerFirstRow: number, headerLastRow: number): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    properties: { defaultRowHeight: ROW_HEIGHT } as ExcelJS.WorksheetProperties,
    pageSetup: {
      paperSize: 9,
      orientation: spec.orientation,
      fitToPage: true,
      // A table printed in column parts (keyColumns) spreads over that many pages across, its key columns on each.
      fitToWidth: spec.keyColumns ? columnParts(spec, (c) => c.width, SHEET_UNITS[spec.orientation]).length : 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerFirstRow}:${headerLastRow}`,
      ...(spec.keyColumns ? { printTitlesColumn: `A:${String.fromCharCode(64 + spec.keyColumns)}` } : {}),
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 }
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页', evenFooter: '&C第 &P 页 共 &N 页' } as ExcelJS.HeaderFooter,
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerLastRow, topLeftCell: `A${headerLastRow + 1}`, activeCell: `A${headerLastRow + 1}` }]
  }
}

const headerRowCount = <R>(spec: TableSpec<R>): number => (hasGroups(spec) ? 2 : 1)

/** The first header row: under the title, the line under it, and a row for each figure of the form. */
const headerFirstRow = <R>(spec: TableSpec<R>): number => 3 + (spec.fields?.length ?? 0)

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
  // A table printed over pages across centres its title and heading line over the first page's columns.
  const n = spec.keyColumns ? columnParts(spec, (c) => c.width, SHEET_UNITS[spec.orientation])[0].length : spec.columns.length
  const all = spec.columns.length
  const done = (row: ExcelJS.Row) => {
    if (commit) row.commit()
  }
  const points = spec.columns.map((c) => columnPoints(c.width))
  const span = (from: number, to: number) => points.slice(from, to + 1).reduce((a, b) => a + b, 0) + (to - from) * 5
  const title = ws.getRow(1)
  title.height = fittedHeight([{ text: spec.title, points: span(0, n - 1), size: FONTS.title.size, bold: true }], 36)
  title.getCell(1).value = spec.title
  title.getCell(1).style = { font: FONTS.title, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }
  ws.mergeCells(1, 1, 1, n)
  done(title)

  const line = ws.getRow(2)
  const split = Math.max(1, Math.ceil(n / 2))
  line.height = fittedHeight(
    [
      { text: unitLine(spec), points: span(0, split - 1), size: FONTS.line.size },
      { text: dateLine(spec), points: span(Math.min(split, n - 1), n - 1), size: FONTS.line.size }
    ],
    22
  )
  line.getCell(1).value = unitLine(spec)
  line.getCell(1).style = { font: FONTS.line, alignment: { horizontal: 'left', vertical: 'middle' } }
  line.getCell(split + 1 > n ? n : split + 1).value = dateLine(spec)
  line.getCell(split + 1 > n ? n : split + 1).style = { font: FONTS.line, alignment: { horizontal: 'right', vertical: 'middle' } }
  if (split > 1) ws.mergeCells(2, 1, 2, split)
  if (n - split > 1) ws.mergeCells(2, split + 1, 2, n)
  done(line)

  // Each figure of the form on its own row: the label on the left half, the value (a number cell) on the right.
  spec.fields?.forEach((f, k) => {
    const r = ws.getRow(3 + k)
    const label = f.unit ? `${f.label}（${f.unit}）` : f.label
    r.height = fittedHeight([{ text: label, points: span(0, split - 1), size: FONTS.body.size, bold: true }], ROW_HEIGHT)
    for (let i = 1; i <= all; i++) r.getCell(i).style = { font: i <= split ? FONTS.total : FONTS.body, border: THIN, alignment: { vertical: 'middle', horizontal: i <= split ? 'left' : 'center', wrapText: true } }
    r.getCell(1).value = label
    r.getCell(Math.min(split + 1, all)).value = f.value === '' ? null : f.value
    if (split > 1) ws.mergeCells(3 + k, 1, 3 + k, split)
    if (all - split > 1) ws.mergeCells(3 + k, split + 1, 3 + k, all)
    done(r)
  })
  const first = headerFirstRow(spec)

  const headStyle: Partial<ExcelJS.Style> = {
    font: FONTS.head,
    border: THIN,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
  }
  if (hasGroups(spec)) {
    const top = ws.getRow(first)
    const bottom = ws.getRow(first + 1)
    const head = (text: string, from: number, to = from) => ({ text, points: span(from, to), size: FONTS.head.size, bold: true })
    const groups = headerGroups(spec.columns)
    top.height = fittedHeight(groups.filter((g) => g.label !== null).map((g) => head(g.label!, g.from, g.to)), 24)
    bottom.height = fittedHeight(
      groups.flatMap((g) => (g.label === null ? [] : spec.columns.slice(g.from, g.to + 1).map((c, k) => head(c.header, g.from + k)))),
      30
    )
    // A header standing alone spans both rows; the lower row grows when it needs more than the two give.
    const alone = fittedHeight(groups.filter((g) => g.label === null).map((g) => head(spec.columns[g.from].header, g.from)), 0)
    if (alone > top.height + bottom.height) bottom.height = alone - top.height
    for (const g of groups) {
      for (let i = g.from; i <= g.to; i++) {
        top.getCell(i + 1).style = headStyle
        bottom.getCell(i + 1).style = headStyle
        bottom.getCell(i + 1).value = spec.columns[i].header
      }
      top.getCell(g.from + 1).value = g.label ?? spec.columns[g.from].header
      if (g.label === null) ws.mergeCells(first, g.from + 1, first + 1, g.from + 1)
      else if (g.to > g.from) ws.mergeCells(first, g.from + 1, first, g.to + 1)
    }
    done(top)
    done(bottom)
    return first + 1
  }
  const head = ws.getRow(first)
  head.height = fittedHeight(
    spec.columns.map((c, i) => ({ text: c.header, points: points[i], size: FONTS.head.size, bold: true })),
    30
  )
  spec.columns.forEach((c, i) => {
    head.getCell(i + 1).value = c.header
    head.getCell(i + 1).style = headStyle
  })
  done(head)
  return first
}

/** A drop-down of the allowed values that refuses any other, as Excel, WPS and LibreOffice all show it. */
function choiceList(header: string, choices: readonly string[]): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${choices.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: header,
    error: `${header}只能填${choices.map((c) => `“${c}”`).join('或')}`
  }
}

interface RowWriter<R> {
  (ws: Sheet, row: R, index: number): ExcelJS.Row
}

function rowWriter<R>(spec: TableSpec<R>, firstRow: number): RowWriter<R> {
  const styles = spec.columns.map((c) => columnStyle(c, 'body'))
  const totalStyles = spec.columns.map((c) => columnStyle(c, 'total'))
  const markedStyles = spec.columns.map((c) => columnStyle(c, 'marked'))
  const points = spec.columns.map((c) => columnPoints(c.width))
  const lists = spec.columns.map((c) => c.choices && choiceList(c.header, c.choices))
  return (ws, row, index) => {
    const r = ws.getRow(firstRow + index)
    const total = spec.isTotal?.(row) ?? false
    const texts: Parameters<typeof fittedHeight>[0] = []
    spec.columns.forEach((c, i) => {
      const cell = r.getCell(i + 1)
      const kind = c.kind ?? 'text'
      const raw = c.value(row, index)
      const v = toCell(kind, raw)
      // A string value is stored as a string cell, never as a formula, whatever it starts with.
      cell.value = v.kind === 'empty' ? null : v.value
      const marked = c.mark?.(row) ?? false
      cell.style = marked ? markedStyles[i] : total ? totalStyles[i] : styles[i]
      if (lists[i]) cell.dataValidation = lists[i]
      texts.push({ text: cellText(kind, raw), points: points[i], size: FONTS.body.size, bold: marked || total })
    })
    r.height = fittedHeight(texts, ROW_HEIGHT)
    return r
  }
}

/** The note under the table and the closing lines (signatures, seal, date), each a row across the table. */
function writeTail<R>(ws: Sheet, spec: TableSpec<R>, rowNumber: number): ExcelJS.Row[] {
  const width = spec.columns.reduce((sum, c) => sum + columnPoints(c.width) + 5, -5)
  const lines = [
    ...(spec.note ? [{ text: spec.note, align: 'left' as const, min: 36 }] : []),
    ...(spec.closing ?? []).map((l) => ({ text: l.text, align: l.align ?? 'left', min: 28 }))
  ]
  return lines.map((l, k) => {
    const r = ws.getRow(rowNumber + k)
    r.getCell(1).value = l.text
    r.getCell(1).style = { font: FONTS.line, alignment: { horizontal: l.align, vertical: l.min === 36 ? 'top' : 'bottom', wrapText: true } }
    ws.mergeCells(rowNumber + k, 1, rowNumber + k, spec.columns.length)
    r.height = fittedHeight([{ text: l.text, points: width, size: FONTS.line.size }], l.min)
    return r
  })
}

function addSheet<R>(wb: Pick<ExcelJS.Workbook, 'addWorksheet'>, spec: TableSpec<R>): Sheet {
  const first = headerFirstRow(spec)
  const ws = wb.addWorksheet(spec.sheetName, sheetOptions(spec, first, first + headerRowCount(spec) - 1))
  // exceljs writes no <col> for a column of its default width 9 with no style, and the reader then
  // uses its own default (8.43). A font as column style (no border, which would run down the whole
  // column) makes exceljs write every column's width.
  ws.columns = spec.columns.map((c) => ({ width: c.width, style: { font: FONTS.body } }))
  return ws
}

/** A table that fits in memory: the whole workbook as bytes. */
export async function officialSheetBuffer<R>(spec: TableSpec<R>, rows: Iterable<R>): Promise<Buffer> {
  return officialWorkbookBuffer([{ spec: spec as TableSpec<unknown>, rows: rows as Iterable<unknown> }])
}

/** Several tables that belong together (a village's two results), one sheet each, in one workbook. */
export async function officialWorkbookBuffer(sheets: { spec: TableSpec<unknown>; rows: Iterable<unknown> }[]): Promise<Buffer> {
  const wb = new (excel().Workbook)()
  wb.creator = '换届工作台'
  for (const { spec, rows } of sheets) {
    const ws = addSheet(wb, spec)
    const headerLast = writeHead(ws, spec, false)
    const write = rowWriter(spec, headerLast + 1)
    let i = 0
    for (const row of rows) write(ws, row, i++)
    writeTail(ws, spec, headerLast + 1 + i)
  }
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
  const ws = addSheet(wb, spec)
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
  for (const r of writeTail(ws, spec, headerLast + 1 + i)) r.commit()
  ws.commit()
  await wb.commit()
  return i
}
