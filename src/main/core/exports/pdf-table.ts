import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { pdfFonts, type PdfFonts } from './fonts'
import { BODY, HEADING, pageFooter } from './pdf'
import { fitWidths, textWidth, unbreakable } from './pdf-widths'
import { cellText, columnParts, dateLine, fieldText, hasHeadLine, headerGroups, unitLine, type Column, type TableSpec } from './table-spec'

/** The red of a marked cell, the same as the sheet's. */
const MARKED = '#c00000'

const A4 = { width: 595.28, height: 841.89 }

/** Body type: readable on paper (≥ 9 pt); a table too wide for it is printed in column parts. */
const SIZES = { portrait: 10, landscape: 9 }
const DENSE_FLOOR = 8

interface Built {
  text: string
  bold: boolean
  color?: string
  alignment: string
}

/** One spec's page geometry and type, and the rows laid out as text once. */
interface Layout<R> {
  spec: TableSpec<R>
  margins: [number, number, number, number]
  available: number
  fontSize: number
  pad: number
  rows: Built[][]
}

function layoutOf<R>(spec: TableSpec<R>, rows: Iterable<R>): Layout<R> {
  const landscape = spec.orientation === 'landscape'
  const margins: [number, number, number, number] = [32, 36, 32, 40]
  const built: Built[][] = []
  let i = 0
  for (const row of rows) {
    const total = spec.isTotal?.(row) ?? false
    built.push(
      spec.columns.map((c) => {
        const kind = c.kind ?? 'text'
        const numeric = kind === 'number' || kind === 'percent'
        const marked = c.mark?.(row) ?? false
        return {
          text: cellText(kind, c.value(row, i)),
          alignment: c.align ?? (numeric ? 'center' : 'left'),
          bold: total || marked,
          ...(marked ? { color: MARKED } : {})
        }
      })
    )
    i++
  }
  return {
    spec,
    margins,
    available: (landscape ? A4.height : A4.width) - margins[0] - margins[2],
    fontSize: SIZES[spec.orientation] - (spec.dense ? 1 : 0),
    pad: spec.dense ? 2 : 3,
    rows: built
  }
}

/** The narrowest each column may be at `size` without splitting a figure, a date or a short word. */
function minimumWidths<R>(l: Layout<R>, fonts: PdfFonts, size: number): number[] {
  const head = fonts.heading.bold
  return l.spec.columns.map((c, col) => {
    const whole = c.kind !== undefined && c.kind !== 'text'
    let w = Math.max(0, ...unbreakable(c.header, false).map((p) => textWidth(head, p, size)))
    for (const r of l.rows) {
      const cell = r[col]
      if (cell.text === '') continue
      const f = cell.bold ? fonts.body.bold : fonts.body.normal
      for (const p of unbreakable(cell.text, whole)) w = Math.max(w, textWidth(f, p, size))
    }
    // A hair over the measure: pdfkit's line fitting rounds, and a piece exactly as wide may still wrap.
    return w + 0.75
  })
}

interface Plan {
  fontSize: number
  parts: { columns: number[]; widths: number[] }[]
}

/** Column parts and widths at the largest type (down to the floor for dense wall charts) that fits A4. */
function plan<R>(l: Layout<R>, fonts: PdfFonts): Plan {
  const floor = l.spec.dense ? DENSE_FLOOR : l.fontSize
  for (let size = l.fontSize; ; size -= 0.5) {
    const min = minimumWidths(l, fonts, size)
    const chrome = (n: number) => n * (2 * l.pad + 1) + 1
    const parts = columnParts(l.spec, (_c, i) => min[i] + 2 * l.pad + 1, l.available - 1)
    const fitted = parts.map((columns) =>
      fitWidths(
        columns.map((i) => l.spec.columns[i].width),
        columns.map((i) => min[i]),
        l.available - chrome(columns.length)
      )
    )
    if (fitted.every((w) => w !== null) || size <= floor) {
      return {
        fontSize: size,
        parts: parts.map((columns, k) => ({
          columns,
          // At the floor a table that still does not fit keeps its proportions and lets pdfmake wrap.
          widths: fitted[k] ?? columns.map((i) => l.spec.columns[i].width * ((l.available - chrome(columns.length)) / columns.reduce((a, j) => a + l.spec.columns[j].width, 0)))
        }))
      }
    }
  }
}

const head = (text: string, extra: Partial<Record<string, unknown>> = {}): TableCell =>
  ({ text, style: 'head', verticalAlignment: 'middle', ...extra }) as TableCell

function headerRows<R>(columns: Column<R>[]): TableCell[][] {
  if (!columns.some((c) => c.group)) return [columns.map((c) => head(c.header))]
  const top: TableCell[] = []
  const bottom: TableCell[] = []
  for (const g of headerGroups(columns)) {
    const span = g.to - g.from + 1
    if (g.label === null) {
      top.push(head(columns[g.from].header, { rowSpan: 2 }))
      bottom.push({} as TableCell)
    } else {
      top.push(head(g.label, { colSpan: span }))
      for (let i = 1; i < span; i++) top.push({} as TableCell)
      for (let i = g.from; i <= g.to; i++) bottom.push(head(columns[i].header))
    }
  }
  return [top, bottom]
}

/** The form's figures as a bordered grid of label/value pairs, two pairs a line. */
function fieldsGrid<R>(spec: TableSpec<R>, available: number): Content[] {
  const fields = spec.fields ?? []
  if (fields.length === 0) return []
  const body: TableCell[][] = []
  for (let i = 0; i < fields.length; i += 2) {
    const pair = fields.slice(i, i + 2)
    const cells: TableCell[] = []
    for (const f of pair) cells.push({ text: f.label, bold: true, fillColor: '#f2f2f2' } as TableCell, { text: fieldText(f), alignment: 'center' } as TableCell)
    while (cells.length < 4) cells.push({ text: '' } as TableCell)
    body.push(cells)
  }
  const w = (available - 4 * 7 - 1) / 4
  return [{ table: { widths: [w, w, w, w], body }, layout: cellPadding(3), margin: [0, 0, 0, 8] } as Content]
}

const cellPadding = (pad: number) => ({ paddingLeft: () => pad, paddingRight: () => pad, paddingTop: () => pad, paddingBottom: () => pad })

/** The seal box: a bordered square at the right margin, its label inside. */
const sealBox = (label: string): Content =>
  ({
    columns: [{ text: '', width: '*' }, { width: 96, table: { widths: [86], heights: [62], body: [[{ text: label, alignment: 'center', fontSize: 9, color: '#555555', margin: [0, 22, 0, 0] }]] } }],
    margin: [0, 0, 0, 6]
  }) as Content

/** A notice's text: paragraphs split at blank lines, each line of them kept, the first line indented two characters. */
export function leadParagraphs(text: string, fontSize: number): Content[] {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '')
    .map((p) => ({ text: `\u3000\u3000${p.trim()}`, lineHeight: 1.5, margin: [0, 0, 0, 6], fontSize: fontSize + 1 }) as Content)
}

function specContent<R>(l: Layout<R>, fonts: PdfFonts, firstPage: boolean): { content: Content[]; fontSize: number } {
  const { spec, pad } = l
  const content: Content[] = []
  if (spec.columns.length === 0) {
    // A notice of text alone: no table to plan.
    content.push({ text: spec.title, style: 'title', ...(firstPage ? {} : { pageBreak: 'before' as const, pageOrientation: spec.orientation }) })
    if (spec.sealBox) content.push(sealBox(spec.sealBox))
    if (hasHeadLine(spec)) content.push({ columns: [{ text: unitLine(spec), alignment: 'left' }, { text: dateLine(spec), alignment: 'right' }], margin: [0, 0, 0, 6] })
    if (spec.lead) content.push(...leadParagraphs(spec.lead, l.fontSize))
    closingContent(spec, content)
    return { content, fontSize: l.fontSize }
  }
  const p = plan(l, fonts)
  p.parts.forEach((part, k) => {
    const columns = part.columns.map((i) => spec.columns[i])
    const rows = headerRows(columns)
    const body: TableCell[][] = [...rows, ...l.rows.map((r) => part.columns.map((i) => ({ ...r[i] }) as TableCell))]
    const breakBefore = k > 0 || !firstPage
    content.push(
      {
        text: k === 0 ? spec.title : `${spec.title}（续表）`,
        style: 'title',
        ...(breakBefore ? { pageBreak: 'before' as const, pageOrientation: spec.orientation } : {})
      },
      ...(k === 0 && spec.sealBox ? [sealBox(spec.sealBox)] : []),
      ...(hasHeadLine(spec)
        ? [
            {
              columns: [
                { text: unitLine(spec), alignment: 'left' },
                { text: dateLine(spec), alignment: 'right' }
              ],
              margin: [0, 0, 0, 6]
            } as Content
          ]
        : []),
      ...(k === 0 && spec.lead ? leadParagraphs(spec.lead, l.fontSize) : []),
      ...(k === 0 ? fieldsGrid(spec, l.available) : []),
      {
        table: { headerRows: rows.length, dontBreakRows: true, widths: part.widths, body, ...(spec.rowHeight ? { heights: (i: number) => (i < rows.length ? 'auto' : spec.rowHeight) } : {}) },
        layout: cellPadding(pad),
        fontSize: p.fontSize
      } as Content
    )
  })
  closingContent(spec, content)
  return { content, fontSize: p.fontSize }
}

function closingContent<R>(spec: TableSpec<R>, content: Content[]): void {
  if (spec.note) content.push({ text: spec.note, margin: [0, 6, 0, 0] })
  for (const line of spec.closing ?? []) content.push({ text: line.text, alignment: line.align ?? 'left', margin: [0, 14, 0, 0] })
}

/**
 * The same table description as the Excel sheet, as A4 tables whose header rows repeat on every page,
 * whose rows never split across a page break, and whose figures and short words never break inside.
 */
export function tableDocument<R>(spec: TableSpec<R>, rows: Iterable<R>, fonts: PdfFonts = pdfFonts()): TDocumentDefinitions {
  return tablesDocument([{ spec: spec as TableSpec<unknown>, rows: rows as Iterable<unknown> }], fonts)
}

/** Several tables that belong together in one document, each from a new page. */
export function tablesDocument(tables: { spec: TableSpec<unknown>; rows: Iterable<unknown> }[], fonts: PdfFonts = pdfFonts()): TDocumentDefinitions {
  const layouts = tables.map((t) => layoutOf(t.spec, t.rows))
  const first = layouts[0]
  const content: Content[] = []
  layouts.forEach((l, k) => content.push(...specContent(l, fonts, k === 0).content))
  return {
    info: { title: first.spec.title, creator: '换届工作台', producer: '换届工作台' },
    pageOrientation: first.spec.orientation,
    pageMargins: first.margins,
    footer: pageFooter(),
    defaultStyle: { font: BODY, fontSize: first.fontSize },
    styles: {
      title: { font: HEADING, fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      head: { font: HEADING, bold: true, alignment: 'center', fillColor: '#f2f2f2' }
    },
    content
  }
}
