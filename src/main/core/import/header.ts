import type { ImportColumn, KindDef } from '../../../shared/import'
import { columnLetter, headerKey, IGNORED_HEADERS } from '../../../shared/import-reading'
import { cellText } from './coerce'
import type { Cell, SourceRow } from './xlsx'

/** Rows a title block may take above the header. */
export const HEADER_SEARCH_ROWS = 30

const IGNORED = new Set(IGNORED_HEADERS.map(headerKey))

/** Header text → field key, for one kind: labels and synonyms, normalised. */
export function synonymIndex(def: KindDef): Map<string, string> {
  const index = new Map<string, string>()
  for (const f of def.fields) {
    for (const word of [f.label, ...f.synonyms]) {
      const k = headerKey(word)
      if (!index.has(k)) index.set(k, f.key)
    }
  }
  return index
}

/** The field a header names, trying it whole and then without a bracketed note ("身份证号(18位)"). */
export function recognise(header: string, index: Map<string, string>): string | null {
  const k = headerKey(header)
  if (!k) return null
  return index.get(k) ?? index.get(k.replace(/\([^)]*\)/g, '')) ?? null
}

export interface HeaderChoice {
  rowIndex: number
  row: number
  score: number
}

/**
 * The header is the row, among the first ones, that names the most known columns. Title rows (one merged
 * cell) and notes score nothing; a row needs two recognised columns, or one required column, to count.
 */
export function findHeader(rows: SourceRow[], def: KindDef): HeaderChoice | null {
  const index = synonymIndex(def)
  const required = new Set(def.fields.filter((f) => f.required).map((f) => f.key))
  let best: HeaderChoice | null = null
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((r, rowIndex) => {
    // A hidden row is not the header: the sheet shows another.
    if (r.hidden) return
    const found = new Set<string>()
    for (const c of r.cells) {
      if (typeof c !== 'string') continue
      const f = recognise(c, index)
      if (f) found.add(f)
    }
    const score = found.size
    const counts = score >= 2 || [...found].some((f) => required.has(f))
    if (counts && (!best || score > best.score)) best = { rowIndex, row: r.row, score }
  })
  return best
}

/**
 * Columns of the header row with the field each fills: the user's explicit choice (by column letter) first,
 * then what was remembered for this header text, then recognition by name. A field is filled by one column.
 */
export function mapColumns(
  headerCells: Cell[],
  def: KindDef,
  remembered: Map<string, string | null>,
  overrides: Record<string, string | null>
): ImportColumn[] {
  const index = synonymIndex(def)
  const known = new Set(def.fields.map((f) => f.key))
  const columns: (ImportColumn & { rank: number })[] = []
  headerCells.forEach((cell, i) => {
    const header = cellText(cell)
    if (!header) return
    const letter = columnLetter(i)
    const k = headerKey(header)
    const pick = (field: string | null, source: ImportColumn['source'], rank: number) =>
      columns.push({ index: i, letter, header, field: field && known.has(field) ? field : null, source, rank })
    if (letter in overrides) pick(overrides[letter], overrides[letter] ? 'remembered' : 'ignored', 0)
    else if (remembered.has(k)) pick(remembered.get(k) ?? null, remembered.get(k) ? 'remembered' : 'ignored', 1)
    else if (IGNORED.has(k)) pick(null, 'ignored', 2)
    else {
      const field = recognise(header, index)
      pick(field, field ? 'auto' : 'none', 2)
    }
  })
  // A field is filled by one column: a chosen one before a remembered one before a recognised one, then the leftmost.
  const taken = new Set<string>()
  for (const c of [...columns].sort((a, b) => a.rank - b.rank || a.index - b.index)) {
    if (!c.field) continue
    if (taken.has(c.field)) {
      c.field = null
      c.source = 'none'
    } else taken.add(c.field)
  }
  return columns.map(({ rank: _rank, ...c }) => c)
}

/** Labels of what no column fills: required fields not given for the whole file (`fixed`), and column groups with none. */
export function missingRequired(columns: ImportColumn[], def: KindDef, fixed: Set<string>): string[] {
  const mapped = new Set(columns.map((c) => c.field))
  const fields = def.fields.filter((f) => f.required && !mapped.has(f.key) && !fixed.has(f.key)).map((f) => f.label)
  const groups = (def.oneOf ?? []).filter((g) => !g.fields.some((f) => mapped.has(f))).map((g) => g.label)
  return [...fields, ...groups]
}

const FOOTER = /^(填表人|制表人|填报人|审核人|审核|负责人|经办人|联系人|填表日期|填报日期|制表日期|日期|合计|总计|小计|备注|说明|注)([:：].*)?$/

/** 填表人：张三 / 日期：… / 合计 rows under the data, and notes. */
export function isFooterRow(cells: Cell[]): boolean {
  const first = cells.find((c) => c !== null && c !== '')
  return typeof first === 'string' && FOOTER.test(first.replace(/\s+/g, ''))
}

/** 合计/总计/小计 rows: footers that sum the rows above, noted in the preview. */
export function isTotalRow(cells: Cell[]): boolean {
  const first = cells.find((c) => c !== null && c !== '')
  return typeof first === 'string' && /^(合计|总计|小计)([:：].*)?$/.test(first.replace(/\s+/g, ''))
}

/** A header repeated on every printed page comes back as a row equal to the header. */
export function isRepeatedHeader(cells: Cell[], header: Cell[]): boolean {
  const i = header.findIndex((c) => c !== null)
  if (typeof cells[i] !== 'string' || cellText(cells[i]) !== cellText(header[i])) return false
  const a = cells.map(cellText)
  const b = header.map(cellText)
  return a.some((t) => t !== '') && b.every((t, i) => t === (a[i] ?? '')) && a.every((t, i) => t === (b[i] ?? ''))
}
