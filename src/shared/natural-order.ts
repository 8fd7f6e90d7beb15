const collator = new Intl.Collator('zh-CN')

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

/**
 * Names in the order people count them: 第2组 before 第10组, 二组 before 十一组, numbers written in
 * digits or in Chinese read as numbers wherever they stand, the rest in pinyin order. A total order
 * (names that differ never compare equal), so paging by it is safe.
 */
export function naturalCompare(a: string, b: string): number {
  const x = pieces(a)
  const y = pieces(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]
    const q = y[i]
    if ('n' in p && 'n' in q) {
      if (p.n !== q.n) return p.n - q.n
    } else if ('t' in p && 't' in q) {
      const c = collator.compare(p.t, q.t)
      if (c !== 0) return c
    } else return 'n' in p ? -1 : 1
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0)
}
