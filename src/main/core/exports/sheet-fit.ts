/**
 * Row heights for wrapped cells. Neither LibreOffice nor WPS fits a row to its wrapped text when the
 * file gives the row a height (or the sheet a custom default one), and Excel fits none on opening; so
 * every row carries a height counted from its text and its columns' widths, on the safe side of how
 * those readers lay the text out (a row a little tall is harmless, a short one hides the next row).
 */

/** Excel column width (characters of the default font's digit, 7 px) → usable points inside the cell. */
export function columnPoints(width: number): number {
  return (width * 7 + 5) * 0.75 - 4
}

/** Points a character takes at the given size: full width for CJK and full-width forms, ~0.6 em for Latin. */
function charWidth(ch: string, size: number): number {
  const code = ch.codePointAt(0)!
  if (code < 0x2e80) return (code < 0x80 ? 0.6 : 0.75) * size
  return size
}

/** Runs that a reader keeps together on one line: a Latin word or number, or one CJK character. */
function tokens(paragraph: string): string[] {
  return paragraph.match(/[\x21-\x7e]+|\s+|[^\s\x21-\x7e]/gu) ?? []
}

/** Lines a text takes in a cell `points` wide, wrapping greedily at word and character boundaries. */
export function wrappedLines(text: string, points: number, size: number, bold = false): number {
  const scale = bold ? 1.06 : 1
  // No character is wider than 1 em: a short text fits without measuring (most cells of a long roster).
  if (text.length * size * scale <= points && !text.includes('\n')) return 1
  let lines = 0
  for (const paragraph of text.split(/\r?\n/)) {
    lines++
    let used = 0
    for (const t of tokens(paragraph)) {
      const w = [...t].reduce((sum, ch) => sum + charWidth(ch, size) * scale, 0)
      if (/^\s+$/.test(t)) {
        used += w
        continue
      }
      if (used + w <= points) {
        used += w
        continue
      }
      if (used > 0) lines++
      used = 0
      if (w <= points) {
        used = w
        continue
      }
      // A word wider than the cell is broken where it reaches the edge.
      for (const ch of t) {
        const c = charWidth(ch, size) * scale
        if (used + c > points && used > 0) {
          lines++
          used = 0
        }
        used += c
      }
    }
  }
  return lines
}

/** CJK fonts as LibreOffice substitutes them (Noto CJK) take about 1.45 em a line. */
const LINE = 1.45
const PAD = 4

/** The height (points) a row needs for its cells, never less than `min`. */
export function fittedHeight(cells: { text: string; points: number; size: number; bold?: boolean }[], min: number): number {
  let need = min
  for (const c of cells) {
    if (c.text === '') continue
    const h = wrappedLines(c.text, c.points, c.size, c.bold) * c.size * LINE + PAD
    if (h > need) need = h
  }
  return Math.ceil(need)
}
