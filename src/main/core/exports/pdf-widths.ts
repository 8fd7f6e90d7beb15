import fs from 'node:fs'
import type { FontFile } from './fonts'

type Fontkit = { create(b: Buffer, postscriptName?: string): FontMetrics }
// Loaded on the first PDF table, as pdfmake is.
let loaded: Fontkit | undefined
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = (): Fontkit => (loaded ??= require('fontkit'))

interface FontMetrics {
  unitsPerEm: number
  glyphForCodePoint(cp: number): { advanceWidth: number }
}

/** Advance widths (em) per character of one font file, read once: a table measures every cell. */
class Advances {
  private readonly font: FontMetrics
  private readonly cache = new Map<number, number>()

  constructor(f: FontFile) {
    this.font = fontkit().create(fs.readFileSync(f.file), f.face)
  }

  em(text: string): number {
    let w = 0
    for (const ch of text) {
      const cp = ch.codePointAt(0)!
      let a = this.cache.get(cp)
      if (a === undefined) {
        a = this.font.glyphForCodePoint(cp).advanceWidth / this.font.unitsPerEm
        this.cache.set(cp, a)
      }
      w += a
    }
    return w
  }
}

const opened = new Map<string, Advances>()

/** Width in points of a text set in the given font file at `size`, as pdfkit lays it (no kerning in CJK). */
export function textWidth(f: FontFile, text: string, size: number): number {
  const key = `${f.file}#${f.face ?? ''}`
  let a = opened.get(key)
  if (!a) opened.set(key, (a = new Advances(f)))
  return a.em(text) * size
}

/**
 * The pieces of a cell that must stay on one line. A figure, a date or a code is one piece; so is a
 * short word (男, 汉族, 王建国, 中共党员); longer text may break between characters but never inside a
 * run of Latin letters and digits ("2026.03.01", "ABC-12").
 */
export function unbreakable(text: string, whole: boolean): string[] {
  const pieces: string[] = []
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim()
    if (t === '') continue
    if (whole || [...t].length <= 4) pieces.push(t)
    else {
      // The word a text opens with before its colon ("不通过：…"): lines fill from the start, so it stays whole.
      const lead = /^[^\s：:]{1,4}[：:]/u.exec(t)
      if (lead) pieces.push(lead[0])
      pieces.push(...(t.match(/[\x21-\x7e]+|[^\s\x21-\x7e]{1,2}/gu) ?? []))
    }
  }
  return pieces
}

/**
 * Widths (points) for columns whose text needs at least `min` each: start from the declared
 * proportions, raise every column to its minimum and take what that costs from the columns with room
 * to spare, in proportion to their spare room. Returns null when the minimums alone do not fit.
 */
export function fitWidths(proportions: number[], min: number[], available: number): number[] | null {
  const need = min.reduce((a, b) => a + b, 0)
  if (need > available + 0.01) return null
  const sum = proportions.reduce((a, b) => a + b, 0)
  const w = proportions.map((p) => (p / sum) * available)
  for (let round = 0; round < proportions.length; round++) {
    const short = w.reduce((acc, x, i) => acc + Math.max(0, min[i] - x), 0)
    if (short < 0.01) break
    const spare = w.reduce((acc, x, i) => acc + Math.max(0, x - min[i]), 0)
    for (let i = 0; i < w.length; i++) {
      if (w[i] < min[i]) w[i] = min[i]
      else w[i] -= ((w[i] - min[i]) / spare) * short
    }
  }
  return w
}
