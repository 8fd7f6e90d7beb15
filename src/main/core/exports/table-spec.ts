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
  /** A sheet to fill in: the values a cell may take, offered as a drop-down list (and anything else refused). */
  choices?: readonly string[]
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
  /**
   * Leading columns that name a row (序号, 村(社区)): a table too wide for A4 at a readable size is
   * printed in parts of whole column groups, each repeating these.
   */
  keyColumns?: number
  /** The line under the title when it is not 填报单位/日期: a notice names its issuer and its own dates; both empty, no line. */
  headLine?: { left: string; right: string }
  /** Paragraphs between the head line and the table: a notice's text (a blank line between paragraphs). */
  lead?: string
  /** A bordered box at the head of the form for the issuer's seal (a ballot is valid only under it), with its label. */
  sealBox?: string
  /** Rows at least this tall in points (a ballot's rows are marked by hand); the body's own height otherwise. */
  rowHeight?: number
  /** Figures of the form that stand on their own above the table (登记选民数…), each in its own cell. */
  fields?: FormField[]
  /** Lines closing the form under the note: signatures, the issuer's seal, the date. */
  closing?: ClosingLine[]
}

export interface FormField {
  label: string
  value: number | string | null
  /** 人, 张: printed after the value in the PDF, in the label in the sheet so the cell stays a number. */
  unit?: string
}

export interface ClosingLine {
  text: string
  align?: 'left' | 'right'
}

/** A field's value as the PDF prints it; a missing one is a blank to fill in by hand. */
export const fieldText = (f: FormField): string => (f.value === null || f.value === '' ? '' : `${f.value}${f.unit ?? ''}`)

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

/** A spec whose head line is given empty prints none (a ballot, a notice without its own dates). */
export const hasHeadLine = (spec: Pick<TableSpec<unknown>, 'headLine'>): boolean => !spec.headLine || spec.headLine.left !== '' || spec.headLine.right !== ''

export function unitLine(spec: Pick<TableSpec<unknown>, 'unit' | 'headLine'>): string {
  return spec.headLine?.left ?? `填报单位（盖章）：${spec.unit}`
}

export function dateLine(spec: Pick<TableSpec<unknown>, 'date' | 'headLine'>): string {
  return spec.headLine?.right ?? `日期：${chineseDate(spec.date)}`
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

/**
 * The columns in parts that each fit `available` (by `widthOf`), every part starting with the key
 * columns and breaking only between header groups, so a group's figures stay side by side.
 */
export function columnParts<R>(spec: TableSpec<R>, widthOf: (c: Column<R>, index: number) => number, available: number): number[][] {
  const keys = spec.keyColumns ?? 0
  const all = spec.columns.map((_, i) => i)
  if (keys === 0) return [all]
  const keyWidth = all.slice(0, keys).reduce((sum, i) => sum + widthOf(spec.columns[i], i), 0)
  const runs = headerGroups(spec.columns)
    .filter((g) => g.to >= keys)
    .map((g) => all.slice(Math.max(g.from, keys), g.to + 1))
  const parts: number[][] = []
  let part: number[] = []
  let used = keyWidth
  for (const run of runs) {
    const w = run.reduce((sum, i) => sum + widthOf(spec.columns[i], i), 0)
    if (part.length > 0 && used + w > available) {
      parts.push(part)
      part = []
      used = keyWidth
    }
    part.push(...run)
    used += w
  }
  if (part.length > 0) parts.push(part)
  return parts.map((p) => [...all.slice(0, keys), ...p])
}
