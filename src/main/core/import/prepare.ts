import type { FieldDef, ImportColumn, KindDef } from '../../../shared/import'
import { columnLetter, PREVIEW_ROWS } from '../../../shared/import-reading'
import { cellText, coerceCell, isEmptyCell } from './coerce'
import { findHeader, HEADER_SEARCH_ROWS, isFooterRow, isRepeatedHeader, isTotalRow, mapColumns, missingRequired } from './header'
import type { Cell, SourceRow, SourceSheet } from './xlsx'

/**
 * Everything the reading side needs to find the header and coerce the cells, known before the file is opened,
 * so that this work runs on the reading thread, beside the parsing, while the register is written on the other.
 */
export interface PrepareOptions {
  /** The kind's columns, handed over as data: the reading thread loads no more of the domain than it needs. */
  def: KindDef
  /** Column letter → field (or null), chosen by the user for this file. */
  mapping: Record<string, string | null>
  /** Header text (normalised) → field, remembered from earlier imports. */
  remembered: [string, string | null][]
  /** Read this sheet only (the one an earlier preview chose); otherwise the first that holds the data. */
  sheet: string | null
  today: string
  /** Fields given once for the whole file (届别 chosen in the dialog or with --term): no column need fill them. */
  fixed?: string[]
}

export interface SheetHead {
  headerRow: number
  /** The header row's cells: a page's repeated header is told by them. */
  headerCells: Cell[]
  /** Known columns the header names. */
  score: number
  columns: ImportColumn[]
  /** Labels of the required fields no column fills. */
  missing: string[]
  /** Columns the sheet hides, left out of the mapping. */
  hiddenColumns: { letter: string; header: string }[]
}

/**
 * Data rows with their mapped cells coerced, a batch at a time, laid out by column so that a batch crosses
 * between threads as a few flat arrays rather than an object per row.
 */
export interface PreparedBatch {
  /** The sheet's own row numbers. */
  rows: number[]
  /** Row after row, one value per mapped column: null where the cell is empty, undefined where it could not be coerced. */
  values: unknown[]
  /** [row in the batch, mapped column, reason] for each cell that could not be coerced, in row order. */
  problems: [number, number, string][]
  /** [row in the batch, its mapped cells as they show] for the first rows, which the preview lists. */
  shown: [number, string[]][]
  /** Sheet rows with content left out and why: the sheet hides them, or they total the rows above (合计/小计). */
  ignored: [number, IgnoredRow][]
}

export type IgnoredRow = 'hidden' | 'total'

export const emptyBatch = (): PreparedBatch => ({ rows: [], values: [], problems: [], shown: [], ignored: [] })

/** Adds `more` to the end of `into`. */
export function appendBatch(into: PreparedBatch, more: PreparedBatch): void {
  const offset = into.rows.length
  for (const r of more.rows) into.rows.push(r)
  for (const v of more.values) into.values.push(v)
  for (const [i, column, reason] of more.problems) into.problems.push([i + offset, column, reason])
  for (const [i, texts] of more.shown) into.shown.push([i + offset, texts])
  for (const ignored of more.ignored) into.ignored.push(ignored)
}

export interface PreparedSheet {
  name: string
  /** Null when the sheet was not searched (another sheet was chosen) or holds no header. */
  head: SheetHead | null
  /**
   * The rows, a batch at a time, of the one sheet the import takes: the first whose header fills every required
   * field. A batch passed on as read (RawBatch) is for the taker to prepare (see rowPreparer).
   */
  rows: AsyncIterable<PreparedBatch | RawBatch> | null
}

/** Rows passed on as they were read: the side that takes them prepares them, when the reading side is the busier. */
export interface RawBatch {
  raw: SourceRow[]
}

export const mappedColumns = (columns: ImportColumn[]): ImportColumn[] => columns.filter((c) => c.field)

/**
 * Finds the sheet, its header row and the columns' fields, and coerces every data row's mapped cells.
 * Blank rows, footers (填表人/日期) and headers repeated on each printed page are left out.
 */
export async function* prepareSheets(
  sheets: AsyncIterable<SourceSheet> | Iterable<SourceSheet>,
  o: PrepareOptions,
  /** Asked before each batch, once the preview's rows are prepared: true passes the batch on as read. */
  passOn?: () => boolean
): AsyncIterable<PreparedSheet> {
  const def = o.def
  const remembered = new Map(o.remembered)
  let taken = false
  for await (const sheet of sheets) {
    const batches = sheet.rows[Symbol.asyncIterator]()
    if (taken || (o.sheet && sheet.name !== o.sheet)) {
      await drain(batches)
      yield { name: sheet.name, head: null, rows: null }
      continue
    }
    const head: SourceRow[] = []
    // The rows of the last batch read beyond the head.
    let rest: SourceRow[] = []
    while (head.length < HEADER_SEARCH_ROWS) {
      const next = await batches.next()
      if (next.done) break
      let i = 0
      for (; i < next.value.length && head.length < HEADER_SEARCH_ROWS; i++) {
        if (!next.value[i].cells.every(isEmptyCell)) head.push(next.value[i])
      }
      rest = next.value.slice(i)
    }
    const found = findHeader(head, def)
    if (!found) {
      await drain(batches)
      yield { name: sheet.name, head: null, rows: null }
      continue
    }
    const headerCells = head[found.rowIndex].cells
    const hidden = new Set(sheet.hiddenColumns?.() ?? [])
    const hiddenColumns = [...hidden].filter((i) => cellText(headerCells[i] ?? null)).map((i) => ({ letter: columnLetter(i), header: cellText(headerCells[i]) }))
    // A hidden column is not read: its header is not offered for mapping (a hidden duplicate 姓名 must not win).
    const visibleHeader = hidden.size ? headerCells.map((c, i) => (hidden.has(i) ? null : c)) : headerCells
    const columns = mapColumns(visibleHeader, def, remembered, o.mapping)
    const missing = missingRequired(columns, def, new Set(o.fixed ?? []))
    const sheetHead: SheetHead = { headerRow: found.row, headerCells, score: found.score, columns, missing, hiddenColumns }
    if (missing.length > 0) {
      await drain(batches)
      yield { name: sheet.name, head: sheetHead, rows: null }
      continue
    }
    taken = true
    const preparer = new RowPreparer(def.fields, columns, headerCells, o.today, PREVIEW_ROWS)
    const prepared = async function* (): AsyncIterable<PreparedBatch | RawBatch> {
      const first = preparer.prepare([...head.slice(found.rowIndex + 1), ...rest])
      if (first.rows.length || first.ignored.length) yield first
      for (;;) {
        const next = await batches.next()
        if (next.done) return
        if (preparer.shownAll() && passOn?.()) {
          yield { raw: next.value }
          continue
        }
        const out = preparer.prepare(next.value)
        if (out.rows.length || out.ignored.length) yield out
      }
    }
    yield { name: sheet.name, head: sheetHead, rows: prepared() }
  }
}

async function drain(batches: AsyncIterator<unknown>): Promise<void> {
  while (!(await batches.next()).done);
}

/** Prepares, on the taking side, the rows of a sheet passed on as read; the preview's rows never come that way. */
export function rowPreparer(def: KindDef, head: SheetHead, today: string): RowPreparer {
  return new RowPreparer(def.fields, head.columns, head.headerCells, today, 0)
}

export class RowPreparer {
  private readonly mapped: ImportColumn[]
  private readonly fields: FieldDef[]

  constructor(
    defs: readonly FieldDef[],
    columns: ImportColumn[],
    private readonly headerCells: Cell[],
    private readonly today: string,
    private shownLeft: number
  ) {
    this.mapped = mappedColumns(columns)
    this.fields = this.mapped.map((c) => defs.find((f) => f.key === c.field)!)
  }

  shownAll(): boolean {
    return this.shownLeft === 0
  }

  prepare(rows: SourceRow[]): PreparedBatch {
    const out = emptyBatch()
    const width = this.mapped.length
    for (const r of rows) {
      const cells = r.cells
      if (cells.every(isEmptyCell)) continue
      if (r.hidden) {
        out.ignored.push([r.row, 'hidden'])
        continue
      }
      if (isFooterRow(cells) || isRepeatedHeader(cells, this.headerCells)) {
        if (isTotalRow(cells)) out.ignored.push([r.row, 'total'])
        continue
      }
      const at = out.rows.length
      const start = out.values.length
      let any = false
      for (let i = 0; i < width; i++) {
        const v = coerceCell(cells[this.mapped[i].index] ?? null, this.fields[i], this.today)
        if (v.ok) {
          out.values.push(v.value)
          if (v.value !== null) any = true
        } else {
          out.values.push(undefined)
          out.problems.push([at, i, v.reason])
          any = true
        }
      }
      // A numbered but otherwise empty row (序号 filled down a blank form) is a blank row.
      if (!any) {
        out.values.length = start
        continue
      }
      out.rows.push(r.row)
      if (this.shownLeft > 0) {
        this.shownLeft--
        out.shown.push([at, this.mapped.map((c) => cellText(cells[c.index] ?? null))])
      }
    }
    return out
  }
}
