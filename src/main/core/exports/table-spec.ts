import { chineseDate } from '../../../shared/dossier'
import { formYearMonth } from '../../../shared/idcard'

/**
 * How a value is written: numbers stay numbers (a clerk sums them), 出生年月 is text "1980.05"
 * (as a number 1980.10 would print as 1980.1), dates are text "2026.03.01".
 */
export type CellKind = 'text' | 'number' | 'percent' | 'yearMonth' | 'date'

export type Raw = string | number | null | undefined

export interface Column<R> {
  header: string
  /** Two-row headers: neighbouring columns with the same group share one merged cell above. */
  group?: string
  /** Width in Excel character units (a Chinese character is about 2). */
  width: number
  kind?: CellKind
  align?: 'left' | 'center' | 'right'
  value: (row: R, index: number) => Raw
  /** Cells that must catch the eye (past a deadline): red and bold in both the sheet and the PDF. */
  mark?: (row: R) => boolean
}

/** One official table: the same description makes the Excel sheet and the PDF. */
export interface TableSpec<R> {
  title: string
  sheetName: string
  /** 填报单位 */
  unit: string
  /** ISO date printed on the 日期 line. */
  date: string
  orientation: 'portrait' | 'landscape'
  columns: Column<R>[]
  /** Rows printed bold (a township total). */
  isTotal?: (row: R) => boolean
  /** A line under the table ("注：…"). */
  note?: string
  /** Many narrow columns (a wall chart): the PDF sets the body a point smaller with tighter cell padding. */
  dense?: boolean
  /** Many narrow columns (30 and more): the PDF uses a smaller type and tighter cells to fit A4. */
  compact?: boolean
}

export type Cell = { kind: 'number'; value: number } | { kind: 'text'; value: string } | { kind: 'empty' }

/** A leading = + - @ tab or CR makes Excel/WPS read a typed value as a formula. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text)
}

/** The one place a raw value becomes what the cell holds; text is never turned into a formula. */
export function toCell(kind: CellKind, raw: Raw): Cell {
  if (raw === null || raw === undefined || raw === '') return { kind: 'empty' }
  switch (kind) {
    case 'number':
    case 'percent': {
      const n = typeof raw === 'number' ? raw : Number(raw)
      return Number.isFinite(n) ? { kind: 'number', value: n } : { kind: 'text', value: String(raw) }
    }
    case 'yearMonth':
      return { kind: 'text', value: typeof raw === 'string' && /^\d{4}-\d{2}/.test(raw) ? formYearMonth(raw) : String(raw) }
    case 'date':
      return { kind: 'text', value: typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw.replaceAll('-', '.') : String(raw) }
    default:
      return { kind: 'text', value: String(raw) }
  }
}

/**
 * The text a PDF cell shows for the same value. A compact table's headers say "(%)", so its cells
 * leave the sign out and "100.0" still fits a narrow column.
 */
export function cellText(kind: CellKind, raw: Raw, percentSign = true): string {
  const cell = toCell(kind, raw)
  if (cell.kind === 'empty') return ''
  if (cell.kind === 'text') return cell.value
  if (kind === 'percent') return `${(cell.value * 100).toFixed(1)}${percentSign ? '%' : ''}`
  return String(Math.round(cell.value * 100) / 100)
}

export function unitLine(spec: Pick<TableSpec<unknown>, 'unit'>): string {
  return `填报单位（盖章）：${spec.unit}`
}

export function dateLine(spec: Pick<TableSpec<unknown>, 'date'>): string {
  return `日期：${chineseDate(spec.date)}`
}

/** Header groups as runs: [{ label, from, to }] over column indexes; columns without a group stand alone. */
export function headerGroups<R>(columns: Column<R>[]): { label: string | null; from: number; to: number }[] {
  const runs: { label: string | null; from: number; to: number }[] = []
  columns.forEach((c, i) => {
    const last = runs[runs.length - 1]
    if (c.group && last && last.label === c.group) last.to = i
    else runs.push({ label: c.group ?? null, from: i, to: i })
  })
  return runs
}

export const hasGroups = <R>(spec: TableSpec<R>): boolean => spec.columns.some((c) => c.group)
