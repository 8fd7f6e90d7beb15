import cnchar from 'cnchar'
import order from 'cnchar-order'

cnchar.use(order)

/**
 * 姓氏笔画 order, as ballots and the 候选人名单 list names: by the stroke count of the first character, then
 * by its strokes in writing order, each one of the five kinds 横(一) 竖(丨) 撇(丿) 点(丶) 折(乙) in that
 * order (提 counts as 横, 捺 as 点, every turning or hooked stroke as 折: 《现代汉语通用字笔顺规范》), then
 * the next character the same way. Stroke counts and orders come from cnchar's dictionary, shipped in the
 * package (no network). Characters it does not know, and names alike to the last stroke, fall back to code point.
 */
const KIND: Record<string, number> = { 横: 1, 提: 1, 竖: 2, 撇: 3, 点: 4, 点2: 4, 捺: 4 }

interface CharKey {
  count: number
  strokes: number[]
}

const cache = new Map<string, CharKey | null>()

function charKey(ch: string): CharKey | null {
  let key = cache.get(ch)
  if (key !== undefined) return key
  const names = (cnchar.stroke(ch, 'order', 'name') as (string[] | undefined)[])[0]
  key = names && names.length > 0 ? { count: names.length, strokes: names.map((n) => KIND[n] ?? 5) } : null
  cache.set(ch, key)
  return key
}

/** The strokes of a character as the digits 1–5 (横竖撇点折), or null for one the dictionary lacks. */
export function strokeDigits(ch: string): string | null {
  const k = charKey(ch)
  return k ? k.strokes.join('') : null
}

function compareChars(a: string, b: string): number {
  if (a === b) return 0
  const ka = charKey(a)
  const kb = charKey(b)
  // A character the dictionary lacks goes after every known one.
  if (!ka || !kb) return ka ? -1 : kb ? 1 : a.codePointAt(0)! - b.codePointAt(0)!
  if (ka.count !== kb.count) return ka.count - kb.count
  for (let i = 0; i < ka.strokes.length; i++) if (ka.strokes[i] !== kb.strokes[i]) return ka.strokes[i] - kb.strokes[i]
  return 0
}

/** Two names in 姓氏笔画 order; the one comparator of ballots, count sheets and the 候选人名单. */
export function strokeCompare(a: string, b: string): number {
  const ca = [...a.trim()]
  const cb = [...b.trim()]
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const c = compareChars(ca[i], cb[i])
    if (c !== 0) return c
  }
  if (ca.length !== cb.length) return ca.length - cb.length
  // Alike stroke for stroke (田 and 由): code point, so the order is the same on every run.
  for (let i = 0; i < ca.length; i++) if (ca[i] !== cb[i]) return ca[i].codePointAt(0)! - cb[i].codePointAt(0)!
  return 0
}

/** A copy of `items` in 姓氏笔画 order of their names. */
export const byStrokes = <T>(items: readonly T[], name: (t: T) => string): T[] => [...items].sort((x, y) => strokeCompare(name(x), name(y)))
