import { pinyin } from 'pinyin-pro'

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

/** 十二 → 12, 二十 → 20, 一百零五 → 105, 一二 → 12 (digit by digit when there is no unit). */
function chineseNumber(run: string): number {
  if (![...run].some((ch) => ch in UNITS)) return Number([...run].map((ch) => DIGITS[ch]).join(''))
  let total = 0
  let digit = 0
  for (const ch of run) {
    if (ch in DIGITS) digit = DIGITS[ch]
    else {
      total += (digit || 1) * UNITS[ch]
      digit = 0
    }
  }
  return total + digit
}

type Piece = { n: number } | { t: string }

const NUMERAL = /^[零〇一二两三四五六七八九十百千]+$/u
const PIECES = /[0-9]+|[零〇一二两三四五六七八九十百千]+|[^0-9零〇一二两三四五六七八九十百千]+/gu

function pieces(s: string): Piece[] {
  return (s.match(PIECES) ?? []).map((p) => (/^[0-9]+$/.test(p) ? { n: Number(p) } : NUMERAL.test(p) ? { n: chineseNumber(p) } : { t: p }))
}

const SYLLABLES = { toneType: 'none', type: 'array', nonZh: 'consecutive' } as const

/** Keys made, by name: a register has few group and village names, met again and again. */
const keys = new Map<string, string>()
const KEPT_KEYS = 20_000

/**
 * A name's natural sort key, compared as plain text (JS `<`, SQLite's BINARY collation): numbers in digits or in
 * Chinese count as numbers wherever they stand (第2组 before 第10组, 二组 before 十一组), the words around them in
 * pinyin, and the name itself last, so names that differ never get equal keys. The one definition of the order:
 * stored beside a voter's group (voters.group_key, kept by the voter writer) and behind `naturalCompare`.
 */
export function naturalKey(name: string): string {
  let key = keys.get(name)
  if (key !== undefined) return key
  // \u0001 number, \u0002 words, \u0000 the end: a name that stops first sorts first; a number before words.
  key = pieces(name)
    .map((p) => {
      if ('n' in p) {
        const digits = String(p.n)
        return `\u0001${String.fromCharCode(0x30 + digits.length)}${digits}`
      }
      return `\u0002${(pinyin(p.t, SYLLABLES) as string[]).join(' ').toLowerCase()}\u0003${p.t}`
    })
    .join('')
  key = `${key}\u0000${name}`
  if (keys.size >= KEPT_KEYS) keys.clear()
  keys.set(name, key)
  return key
}

/** Names in the order people count them (see naturalKey); a total order, so paging by it is safe. */
export function naturalCompare(a: string, b: string): number {
  const x = naturalKey(a)
  const y = naturalKey(b)
  return x < y ? -1 : x > y ? 1 : 0
}
