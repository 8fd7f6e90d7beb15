import { AlignmentType, HeightRule, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType, type ISectionOptions } from 'docx'

/**
 * The pieces every Word form of the program is made of: 仿宋 for the form, 宋体 for its title, A4 in points,
 * real table cells that merge as the paper form merges. The 人选登记表 and the notices share them.
 */
export const BODY_FONT = '仿宋'
export const TITLE_FONT = '宋体'
export const twip = (pt: number) => Math.round(pt * 20)
/** The body text size in points: the default style's, so runs at it need not say so. */
const BODY_SIZE = 10.5
export const A4 = { width: 595.28, height: 841.89 }

export type Align = (typeof AlignmentType)[keyof typeof AlignmentType]

export interface CellOptions {
  span?: number
  rowSpan?: number
  align?: Align
  top?: boolean
  size?: number
  bold?: boolean
}

/**
 * Cell text, a paragraph a line. Text in the document's own font and size (仿宋 10.5 pt, the default style)
 * carries no run properties: a batch of forms has tens of thousands of runs, and each property is XML to build.
 */
export function lines(text: string, o: CellOptions): Paragraph[] {
  const plain = (o.size ?? BODY_SIZE) === BODY_SIZE && !o.bold
  return (text || '').split('\n').map(
    (t) =>
      new Paragraph({
        alignment: o.align ?? AlignmentType.CENTER,
        // An empty line is a paragraph without a run: the family table's blank rows are most of a form's cells.
        children: t ? [new TextRun(plain ? { text: t } : { text: t, size: (o.size ?? BODY_SIZE) * 2, bold: o.bold })] : []
      })
  )
}

/** Cell padding, given once for a whole table rather than on each cell. */
export const CELL_MARGINS = { left: 60, right: 60, top: 40, bottom: 40 }

export const cell = (text: string, o: CellOptions = {}): TableCell =>
  new TableCell({
    children: lines(text, o),
    columnSpan: o.span,
    rowSpan: o.rowSpan,
    verticalAlign: o.top ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER
  })

/** A row at least `height` points high, never split over two pages; a header row repeats on each page. */
export const row = (cells: TableCell[], height: number, header = false): TableRow =>
  // tableHeader only where it is on: docx writes `w:tblHeader w:val="off"` for false, on every row.
  new TableRow({ children: cells, height: { value: twip(height), rule: HeightRule.ATLEAST }, cantSplit: true, ...(header ? { tableHeader: true } : {}) })

/** A table of fixed column widths in points. */
export const table = (rows: TableRow[], columns: number[]): Table =>
  new Table({ rows, columnWidths: columns.map(twip), margins: CELL_MARGINS, width: { size: twip(columns.reduce((a, b) => a + b, 0)), type: WidthType.DXA } })

export const titleParagraph = (text: string, size = 17): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 160 }, children: [new TextRun({ text, font: TITLE_FONT, size: size * 2, bold: true })] })

/** Two texts on one line, the second against the right margin (填表人 … 填表时间, 填报单位 … 日期). */
export const spreadLine = (left: string, right: string, width: number, spacing: { before?: number; after?: number } = {}): Paragraph =>
  new Paragraph({
    spacing,
    children: [new TextRun({ text: left }), new TextRun({ text: `\t${right}` })],
    tabStops: [{ type: 'right', position: twip(width) }]
  })

/** An A4 section, portrait or landscape, with the margins in points. */
export function a4Section(orientation: 'portrait' | 'landscape', margin: { top: number; side: number }, children: ISectionOptions['children']): ISectionOptions {
  const [w, h] = orientation === 'portrait' ? [A4.width, A4.height] : [A4.height, A4.width]
  return {
    // The page is given in its printed shape (docx would swap a landscape size once more).
    properties: { page: { size: { width: twip(w), height: twip(h) }, margin: { top: twip(margin.top), bottom: twip(margin.top), left: twip(margin.side), right: twip(margin.side) } } },
    children
  }
}

export const documentStyles = { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE * 2 } } } }
