import { AlignmentType, Document, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType, type ISectionOptions } from 'docx'
import { A4, a4Section, cell, CELL_MARGINS, documentStyles, lines, row, spreadLine, table, titleParagraph, twip, type Align } from './docx-parts'
import { cellText, dateLine, fieldText, hasGroups, hasHeadLine, headerGroups, unitLine, type TableSpec } from './table-spec'

/**
 * An official table or notice as a Word document an office edits before printing: the same description
 * the sheet and the PDF are made from (title, the issuer and date line, the form's figures, the table
 * with its header repeated on every page, the note, the signatures and seal), on A4 in its orientation,
 * 仿宋 with a 宋体 title, in real table cells. Each table is a section of its own, starting a new page.
 */
const MARGIN = { top: 40, side: 40 }
const ROW = 20
const HEAD_FILL = { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' }

const ALIGN: Record<'left' | 'center' | 'right', Align> = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT }

const headCell = (text: string, o: { span?: number; rowSpan?: number } = {}): TableCell =>
  new TableCell({
    children: lines(text, { bold: true }),
    columnSpan: o.span,
    rowSpan: o.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: HEAD_FILL
  })

/** The header: one row, or two where neighbouring columns share a group (the group merged above them). */
function headerRows<R>(spec: TableSpec<R>): TableRow[] {
  if (!hasGroups(spec)) return [row(spec.columns.map((c) => headCell(c.header)), ROW, true)]
  const top: TableCell[] = []
  const below: TableCell[] = []
  for (const g of headerGroups(spec.columns)) {
    if (g.label === null) top.push(headCell(spec.columns[g.from].header, { rowSpan: 2 }))
    else {
      top.push(headCell(g.label, { span: g.to - g.from + 1 }))
      for (let i = g.from; i <= g.to; i++) below.push(headCell(spec.columns[i].header))
    }
  }
  return [row(top, ROW, true), row(below, ROW, true)]
}

/** The form's own figures above the table, two to a line: label, value, label, value. */
function fieldRows<R>(spec: TableSpec<R>, width: number): ISectionOptions['children'] {
  const fields = spec.fields ?? []
  if (fields.length === 0) return []
  const rows: TableRow[] = []
  for (let i = 0; i < fields.length; i += 2) {
    const pair = fields.slice(i, i + 2)
    const cells = pair.flatMap((f) => [headCell(f.label), cell(fieldText(f))])
    if (pair.length === 1) cells.push(headCell(''), cell(''))
    rows.push(row(cells, ROW))
  }
  return [table(rows, [0.3, 0.2, 0.3, 0.2].map((s) => s * width)), new Paragraph({ children: [] })]
}

/** The seal box at the right margin: one bordered cell with its label. */
const sealBox = (label: string): Table =>
  new Table({
    rows: [row([cell(label, { size: 9 })], 62)],
    columnWidths: [twip(86)],
    margins: CELL_MARGINS,
    width: { size: twip(86), type: WidthType.DXA },
    alignment: AlignmentType.RIGHT
  })

/** A notice's text: paragraphs split at blank lines, the first line indented two characters, 1.5 lines apart. */
const leadParagraphs = (text: string): Paragraph[] =>
  text
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '')
    .map((p) => new Paragraph({ spacing: { after: 120, line: 360 }, indent: { firstLine: twip(24) }, children: p.trim().split('\n').map((t, k) => new TextRun({ text: t, size: 24, ...(k > 0 ? { break: 1 } : {}) })) }))

function tableSection<R>(spec: TableSpec<R>, rows: Iterable<R>): ISectionOptions {
  const width = (spec.orientation === 'portrait' ? A4.width : A4.height) - 2 * MARGIN.side
  const declared = spec.columns.reduce((s, c) => s + c.width, 0)
  const columns = spec.columns.map((c) => (c.width / declared) * width)
  const size = spec.dense ? 9 : 10.5
  const height = spec.rowHeight ?? ROW
  const body: TableRow[] = []
  let i = 0
  for (const r of rows) {
    const bold = spec.isTotal?.(r) ?? false
    body.push(
      row(
        spec.columns.map((c) => {
          const numeric = c.kind === 'number' || c.kind === 'percent'
          return cell(cellText(c.kind ?? 'text', c.value(r, i)), { align: ALIGN[c.align ?? (numeric ? 'center' : 'left')], size, bold })
        }),
        height
      )
    )
    i++
  }
  const text = (t: string, align: Align = AlignmentType.LEFT, before = 0) =>
    t.split('\n').map((line, k) => new Paragraph({ alignment: align, spacing: { before: k === 0 ? before : 0 }, children: [new TextRun({ text: line })] }))
  return a4Section(spec.orientation, MARGIN, [
    titleParagraph(spec.title, 16),
    ...(spec.sealBox ? [sealBox(spec.sealBox), new Paragraph({ children: [] })] : []),
    ...(hasHeadLine(spec) ? [spreadLine(unitLine(spec), dateLine(spec), width, { after: 120 })] : []),
    ...(spec.lead ? leadParagraphs(spec.lead) : []),
    ...fieldRows(spec, width),
    ...(spec.columns.length > 0 ? [table([...headerRows(spec), ...body], columns)] : []),
    ...(spec.note ? text(spec.note, AlignmentType.LEFT, 120) : []),
    ...(spec.closing ?? []).flatMap((c) => text(c.text, c.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, 280))
  ])
}

/** One or more tables (a village's two 报告单, a summary and its forms) in one Word document. */
export async function renderTablesDocx(tables: { spec: TableSpec<unknown>; rows: Iterable<unknown> }[], title: string): Promise<Buffer> {
  const doc = new Document({ creator: '换届工作台', title, styles: documentStyles, sections: tables.map((t) => tableSection(t.spec, t.rows)) })
  return Packer.toBuffer(doc)
}
