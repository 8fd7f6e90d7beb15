import type { Content, TableCell } from 'pdfmake/interfaces'

/**
 * pdfmake breaks Chinese text at every character (each is a line-break opportunity), then measures each
 * piece against a stack of ~20 style lookups and draws it with its own PDFKit text call. A form of short
 * labels and values is thousands of such pieces, most of a batch's time. A line that surely fits its cell
 * is given as one unbroken piece instead: it is placed exactly where the broken pieces were, only once.
 *
 * "Surely fits": no glyph of the fonts in use (CJK at one em, Latin and digits narrower) is wider than one
 * em, so a line of n characters at size s needs at most n × s points. A line that might not fit is left to
 * pdfmake to break as before.
 */
export function unbrokenText(text: string, width: number, fontSize: number): string | Content[] {
  const lines = text.split('\n')
  if (!lines.every((l) => [...l].length * fontSize <= width)) return text
  if (lines.length === 1) return [{ text, noWrap: true }]
  // A "\n" piece between the unbroken lines ends each line as the broken text's newline did.
  return lines.flatMap((l, i) => [...(i > 0 ? ['\n'] : []), ...(l ? [{ text: l, noWrap: true }] : [])]) as Content[]
}

type Node = Record<string, unknown>

const isNode = (c: unknown): c is Node => c !== null && typeof c === 'object' && !Array.isArray(c)

/** The horizontal margins a node gives its content ([left, top, right, bottom] or [h, v] or one number). */
function sideMargins(m: unknown): number {
  if (typeof m === 'number') return 2 * m
  if (Array.isArray(m)) return m.length === 4 ? m[0] + m[2] : 2 * m[0]
  return 0
}

/** A cell's content (text, or a stack of texts) with every line that surely fits its width set unbroken. */
function unbreakNode(node: unknown, width: number, fontSize: number): void {
  if (!isNode(node)) return
  const inner = width - sideMargins(node.margin)
  const size = typeof node.fontSize === 'number' ? node.fontSize : fontSize
  if (typeof node.text === 'string' && node.noWrap === undefined) node.text = unbrokenText(node.text, inner, size)
  if (Array.isArray(node.stack)) for (const child of node.stack) unbreakNode(child, inner, size)
}

/**
 * Every cell of a table body, given the content width of each column (less its padding): a cell spanning
 * columns has at least the sum of theirs.
 */
export function unbreakTableBody(body: TableCell[][], widths: number[], fontSize: number): TableCell[][] {
  for (const row of body) {
    for (let col = 0; col < row.length; col++) {
      const cell = row[col] as unknown
      const span = isNode(cell) && typeof cell.colSpan === 'number' ? cell.colSpan : 1
      unbreakNode(cell, widths.slice(col, col + span).reduce((a, b) => a + b, 0), fontSize)
    }
  }
  return body
}
