import type ExcelJS from 'exceljs'
import { StringDecoder } from 'node:string_decoder'
import { Transform, type Readable } from 'node:stream'
// Imported by its path in full (not through READER_MODULE), so that the build bundles it.
import Reader from 'exceljs/lib/stream/xlsx/workbook-reader'
import { scanHidden, type HiddenParts } from './hidden'

/** exceljs's streaming reader alone: the whole library takes half as long again to load on a fresh thread. */
export const READER_MODULE = 'exceljs/lib/stream/xlsx/workbook-reader'
const WorkbookReader = Reader as typeof ExcelJS.stream.xlsx.WorkbookReader

/** A cell as the importer sees it, whatever wrote the file. */
export type Cell = string | number | boolean | Date | null

export interface SourceRow {
  /** The sheet's own row number (1-based, as Excel shows it; for CSV the record's line). */
  row: number
  /** 0-based by column. */
  cells: Cell[]
  /** The sheet hides the row (Excel's 隐藏). */
  hidden?: true
}

interface ReaderInternals {
  model?: { sheets?: { name: string; rId: string }[] }
  workbookRels?: { Id: string; Target: string }[]
  sharedStrings?: unknown[]
}

/** A sheet as the importer reads any source: its rows in order, a batch at a time. */
export interface SourceSheet {
  name: string
  rows: AsyncIterable<SourceRow[]>
  /** 0-based indexes of the columns the sheet hides, known once its first rows are read. */
  hiddenColumns?: () => number[]
}

/**
 * The sheets of a workbook and their rows, read with exceljs's streaming reader. Errors are exceljs's own;
 * the caller words them for the user.
 */
export async function* readXlsx(stream: Readable): AsyncIterable<SourceSheet> {
  // sharedStrings 'cache' resolves text cells; styles 'cache' is what tells a date serial from a number.
  const reader = new WorkbookReader(stream, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore'
  })
  const internals = reader as typeof reader & ReaderInternals
  decodeWholeCharacters(reader as typeof reader & EntryParsers)
  for await (const ws of reader) {
    const sheet = ws as typeof ws & { id: number | string; name: string; iterator: AsyncIterable<Buffer | string> } & SheetEvents
    // exceljs reads a missing shared string as an empty cell, and a sheet whose XML stops mid-row as a shorter
    // sheet: either would import part of the file as if it were all of it.
    internals.sharedStrings = checkedStrings(internals.sharedStrings ?? [])
    const name = sheetName(internals, sheet)
    const hidden: HiddenParts = { rows: new Set(), columns: new Set() }
    sheet.iterator = wholeSheet(scanHidden(sheet.iterator, hidden), name)
    yield { name, rows: xlsxRows(sheet, hidden.rows), hiddenColumns: () => [...hidden.columns].sort((a, b) => a - b) }
  }
}

const isIndex = (key: string | symbol) => typeof key === 'string' && (key === 'NaN' || /^-?\d+$/.test(key))

/** The shared strings, refusing an index the table does not have instead of giving undefined. */
function checkedStrings(strings: unknown[]): unknown[] {
  if ((strings as { checked?: boolean }).checked) return strings
  return new Proxy(strings, {
    get(target, key, receiver) {
      if (key === 'checked') return true
      if (isIndex(key) && !(key in target)) {
        throw new Error(`单元格引用的共享字符串（第 ${String(key)} 项）不存在，共享字符串表只有 ${target.length} 项`)
      }
      return Reflect.get(target, key, receiver)
    }
  })
}

type EntryParse = (entry: Readable) => unknown
type EntryParsers = Record<'_parseRels' | '_parseWorkbook' | '_parseSharedStrings' | '_parseStyles', EntryParse>

/**
 * exceljs decodes each inflated chunk of a part on its own, so a character whose UTF-8 bytes fall on both sides
 * of a chunk boundary becomes two U+FFFD: about one Chinese name in every 64 KB of shared strings came out
 * damaged. Each part is handed to its parser as text decoded across the boundaries instead.
 */
function decodeWholeCharacters(reader: EntryParsers): void {
  for (const method of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles'] as const) {
    const parse = reader[method].bind(reader)
    reader[method] = (entry) => parse(utf8Text(entry))
  }
}

function utf8Text(entry: Readable): Readable {
  const decoder = new StringDecoder('utf8')
  const text = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      const s = decoder.write(chunk)
      done(null, s || undefined)
    },
    flush(done) {
      const s = decoder.end()
      done(null, s || undefined)
    }
  })
  entry.on('error', (e) => text.destroy(e))
  return entry.pipe(text)
}

/** The sheet's XML as inflated, decoded whole characters at a time, refused at its end unless it closes its worksheet element. */
async function* wholeSheet(chunks: AsyncIterable<Buffer | string>, name: string): AsyncIterable<string> {
  let tail = ''
  const decoder = new StringDecoder('utf8')
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk)
    tail = (tail + text.slice(-64)).slice(-64)
    if (text) yield text
  }
  const rest = decoder.end()
  if (rest) {
    tail = (tail + rest).slice(-64)
    yield rest
  }
  if (!/<\/([A-Za-z_][\w.-]*:)?worksheet\s*>\s*$/.test(tail)) throw new Error(`工作表“${name}”的内容在中途结束（数据不完整）`)
}

/**
 * The worksheet reader's own event batches (what its row iterator is built on): one batch per chunk of the
 * inflated sheet, so that the rows cross no promise each, only each chunk does.
 */
interface SheetEvents {
  parse(): AsyncIterable<{ eventType: string; value: unknown }[]>
}

function sheetName(reader: ReaderInternals, sheet: { id: number | string; name: string }): string {
  const rel = reader.workbookRels?.find((r) => r.Target.replace(/^\/?(xl\/)?/, '') === `worksheets/sheet${sheet.id}.xml`)
  return reader.model?.sheets?.find((s) => s.rId === rel?.Id)?.name ?? sheet.name
}

async function* xlsxRows(sheet: SheetEvents, hiddenRows: Set<number>): AsyncIterable<SourceRow[]> {
  for await (const events of sheet.parse()) {
    const rows: SourceRow[] = []
    for (const { eventType, value } of events) {
      if (eventType !== 'row') continue
      const row = value as ExcelJS.Row
      const values = row.values as unknown[]
      const cells: Cell[] = []
      // row.values is 1-based and sparse.
      for (let c = 1; c < values.length; c++) cells.push(plainCell(values[c]))
      rows.push(hiddenRows.has(row.number) ? { row: row.number, cells, hidden: true } : { row: row.number, cells })
    }
    if (rows.length) yield rows
  }
}

/** Rich text, formulas, hyperlinks and errors reduced to what the cell shows. */
export function plainCell(v: unknown): Cell {
  if (v === undefined || v === null) return null
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v
  const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string; formula?: string }
  if (o.richText) return o.richText.map((r) => r.text).join('')
  if ('result' in o || o.formula !== undefined) return plainCell(o.result)
  if (o.text !== undefined) return plainCell(o.text)
  if (o.error) return null
  return String(v)
}
