import { daysInMonth } from '../../../shared/dates'
import { checkIdNumber } from '../../../shared/idcard'
import type { FieldDef } from '../../../shared/import'
import { foldWidth, headerKey } from '../../../shared/import-reading'
import type { Cell } from './xlsx'

/** A coerced value, or the reason in Chinese why the cell cannot be one. Empty cells are null. */
export type Coerced = { ok: true; value: unknown } | { ok: false; reason: string }

const ok = (value: unknown): Coerced => ({ ok: true, value })
const bad = (reason: string): Coerced => ({ ok: false, reason })

export function isEmptyCell(cell: Cell): boolean {
  if (cell === null) return true
  if (typeof cell !== 'string') return false
  // Nearly every cell starts with a printable ASCII or CJK character: not empty, without copying it.
  const first = cell.charCodeAt(0)
  if ((first > 0x20 && first < 0x7f) || (first >= 0x4e00 && first <= 0x9fff)) return false
  return foldWidth(cell).trim() === ''
}

/** What a cell shows, as text, for messages and the preview table. */
export function cellText(cell: Cell): string {
  if (cell === null) return ''
  if (cell instanceof Date) return isoOfDate(cell)
  if (typeof cell === 'number') return numberText(cell)
  if (typeof cell === 'boolean') return cell ? '是' : '否'
  return cell.trim()
}

/** Whole numbers exactly while a double holds them; beyond, E-notation as Excel shows a number that lost digits. */
function numberText(n: number): string {
  if (Number.isSafeInteger(n)) return String(n)
  if (Math.abs(n) >= 1e15) return n.toExponential(5).replace(/\.?0+e/, 'e').toUpperCase()
  return String(Number(n.toPrecision(15)))
}

export function coerceCell(cell: Cell, field: FieldDef, today: string): Coerced {
  if (isEmptyCell(cell)) return ok(null)
  switch (field.type) {
    case 'text':
      return coerceText(cell, field.max, field.squeeze ?? false, field.prose ?? false)
    case 'int':
      return coerceInt(cell, field.label)
    case 'date':
      return coerceDate(cell, field.label)
    case 'idNumber':
      return coerceIdNumber(cell, today)
    case 'digits':
      return coerceDigits(cell, field.label, field.length)
    case 'phone':
      return coerceText(cell, 30, true)
    case 'choice':
      return coerceChoice(cell, field)
  }
}

function coerceText(cell: Cell, max: number, squeeze: boolean, prose = false): Coerced {
  // Prose keeps its Chinese punctuation (，；：); names and codes are compared, so their widths are folded.
  let text = (prose ? cellText(cell) : foldWidth(cellText(cell))).trim()
  // Names padded to align ("张  三") are one name.
  text = squeeze ? text.replace(/\s+/g, '') : text.replace(/[ \t]+/g, ' ')
  if (text.length > max) return bad(`不能超过${max}个字（现为${text.length}个字）`)
  return ok(text)
}

function coerceInt(cell: Cell, label: string): Coerced {
  if (typeof cell === 'number') return Number.isInteger(cell) ? ok(cell) : bad(`${label}应为整数，现为${cellText(cell)}`)
  const text = foldWidth(cellText(cell)).replace(/[\s,，]/g, '').replace(/[户人名个位]$/, '')
  if (!/^-?\d+$/.test(text)) return bad(`${label}应为整数，现为“${cellText(cell)}”`)
  return ok(Number(text))
}

function coerceDigits(cell: Cell, label: string, length: number): Coerced {
  if (typeof cell === 'number' && !Number.isSafeInteger(cell)) {
    return bad(`${label}被表格软件存成了数字，后几位已丢失，请将该列设为文本后按原件重新填写`)
  }
  const text = foldWidth(cellText(cell)).replace(/\s/g, '')
  if (!/^\d+$/.test(text) || text.length !== length) return bad(`${label}应为${length}位数字，现为“${cellText(cell)}”`)
  return ok(text)
}

const choiceIndexes = new WeakMap<FieldDef, Map<string, string>>()

function coerceChoice(cell: Cell, field: FieldDef & { type: 'choice' }): Coerced {
  let index = choiceIndexes.get(field)
  if (!index) {
    index = new Map([...Object.entries(field.aliases ?? {}).map(([a, v]) => [headerKey(a), v] as const), ...field.values.map((v) => [headerKey(v), v] as const)])
    choiceIndexes.set(field, index)
  }
  // A value as the list writes it needs no folding: headerKey of a key is the key itself.
  const text = cellText(cell)
  const hit = index.get(text) ?? index.get(headerKey(text))
  if (hit) return ok(hit)
  return bad(`${field.label}应为${field.values.map((v) => `“${v}”`).join('、')}之一，现为“${cellText(cell)}”`)
}

/**
 * 18 digits do not fit a double: Excel keeps 15 significant digits of a number typed into a General cell
 * and shows 3.30302E+17. Such a cell has lost its last digits; it is reported, never guessed back.
 */
function coerceIdNumber(cell: Cell, today: string): Coerced {
  if (typeof cell === 'number') {
    if (cell >= 1e15) {
      return bad(`身份证号被 Excel 存成了数字（显示为 ${numberText(cell)}），后几位已丢失。请把该列设为“文本”，按原件重新填写`)
    }
    return checked(String(cell), today)
  }
  return checked(cellText(cell), today)
}

function checked(text: string, today: string): Coerced {
  const r = checkIdNumber(text, today)
  if (r.ok) return ok(r.idNumber)
  // What Excel leaves of an 18-digit number saved back as text: 15 digits and three zeros.
  if (/^\d{15}000$/.test(text.trim()) && r.reason.includes('校验位')) {
    return bad('身份证号末三位为000且校验位错误，疑似被 Excel 截断为15位有效数字。请按原件重新填写')
  }
  return bad(r.reason)
}

/**
 * Dates as rosters hold them: a real date cell (read as UTC, Excel dates carry no time zone), an Excel
 * serial in a General cell, or text — 1980-05-01, 1980/5/1, 1980年5月1日, 19800501, and the year-month
 * forms 1980.05, 1980年5月, 198005 (kept as 'YYYY-MM').
 */
export function coerceDate(cell: Cell, label: string): Coerced {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad(`${label}不是有效日期`)
    return ok(isoOfDate(cell))
  }
  if (typeof cell === 'number') return dateOfNumber(cell, label)
  const text = foldWidth(cellText(cell)).replace(/\s+/g, '')
  let m = /^(\d{4})[.\-/年](\d{1,2})(?:[.\-/月](\d{1,2})日?|月)?(?:T?\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text)
  if (!m) m = /^(\d{4})(\d{2})(\d{2})?$/.exec(text)
  if (!m) return bad(`${label}“${cellText(cell)}”无法识别，请写成1980-05-01或1980.05`)
  return assemble(Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3]), label, cellText(cell))
}

function dateOfNumber(n: number, label: string): Coerced {
  const shown = numberText(n)
  if (Number.isInteger(n) && n >= 19000101 && n <= 21001231) {
    return assemble(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100, label, shown)
  }
  if (Number.isInteger(n) && n >= 190001 && n <= 210012) return assemble(Math.floor(n / 100), n % 100, null, label, shown)
  if (n >= 1900 && n < 2101 && !Number.isInteger(n)) {
    // 1980.05 typed into a General cell is the number 1980.05; 1980.10 became 1980.1, indistinguishable from January.
    const [y, frac] = shown.split('.')
    if (frac === '1') return bad(`${label}“${shown}”有歧义（可能是1月或10月）。请把该列设为文本，写成${y}.01或${y}.10`)
    if (frac.length !== 2) return bad(`${label}“${shown}”无法识别，请写成${y}.05的形式`)
    return assemble(Number(y), Number(frac), null, label, shown)
  }
  if (n >= 1 && n < 73051 && Number.isInteger(n)) {
    // An Excel serial shown as a number (General format). Day 1 = 1900-01-01; Excel counts 29 Feb 1900.
    const ms = Date.UTC(1899, 11, 30) + n * 86_400_000
    return ok(isoOfDate(new Date(ms)))
  }
  return bad(`${label}“${shown}”无法识别，请写成1980-05-01或1980.05`)
}

function assemble(y: number, mo: number, d: number | null, label: string, shown: string): Coerced {
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12) return bad(`${label}“${shown}”不是有效日期`)
  const mm = String(mo).padStart(2, '0')
  if (d === null) return ok(`${y}-${mm}`)
  if (d < 1 || d > daysInMonth(y, mo)) return bad(`${label}“${shown}”不是有效日期`)
  return ok(`${y}-${mm}-${String(d).padStart(2, '0')}`)
}

function isoOfDate(d: Date): string {
  return d.toISOString().slice(0, 10)
}
