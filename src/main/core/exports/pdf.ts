import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { cellText, dateLine, hasGroups, headerGroups, unitLine, type TableSpec } from './table-spec'
import type { FontFile, PdfFonts } from './fonts'

// pdfmake exports one configured instance (module.exports = new pdfmake()); its methods need it as `this`.
// Loaded on first use, so a process that builds every service but only imports never holds the PDF engine.
let loaded: typeof import('pdfmake') | undefined
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = (): typeof import('pdfmake') => (loaded ??= require('pdfmake'))

/** Font family names used in document definitions. */
export const BODY = 'Body'
export const HEADING = 'Heading'

/** The red of a marked cell, the same as the sheet's. */
const MARKED = '#c00000'

const A4 = { width: 595.28, height: 841.89 }

const face = (f: FontFile): string | [string, string] => (f.face ? [f.file, f.face] : f.file)

function fontDictionary(fonts: PdfFonts) {
  const family = (f: PdfFonts['body']) => ({ normal: face(f.normal), bold: face(f.bold), italics: face(f.normal), bolditalics: face(f.bold) })
  return { [BODY]: family(fonts.body), [HEADING]: family(fonts.heading) }
}

const fontFiles = (fonts: PdfFonts): Set<string> =>
  new Set([fonts.body.normal, fonts.body.bold, fonts.heading.normal, fonts.heading.bold].map((f) => f.file))

/**
 * Lays out and renders one document. Fonts come only from the discovered files; pdfmake may read
 * nothing else from disk and fetch nothing from the network.
 */
export async function renderPdf(doc: TDocumentDefinitions, fonts: PdfFonts, onProgress?: (fraction: number) => void): Promise<Buffer> {
  const allowed = fontFiles(fonts)
  const pdfmake = engine()
  pdfmake.setFonts(fontDictionary(fonts) as never)
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((p) => allowed.has(p))
  pdfmake.setProgressCallback(onProgress ?? (() => undefined))
  return pdfmake.createPdf({ pageSize: 'A4', defaultStyle: { font: BODY, fontSize: 10.5 }, ...doc }).getBuffer()
}

export const pageFooter =
  (margin = 16) =>
  (current: number, total: number): Content => ({ text: `第 ${current} 页 共 ${total} 页`, alignment: 'center', fontSize: 9, margin: [0, margin, 0, 0] })

/** Column widths in points, in proportion to the Excel widths, filling the printable width. */
function pointWidths(units: number[], available: number): number[] {
  const sum = units.reduce((a, b) => a + b, 0)
  return units.map((u) => (u / sum) * available)
}

/**
 * The same table description as the Excel sheet, as an A4 table whose header rows repeat on every
 * page and whose rows never split across a page break.
 */
export function tableDocument<R>(spec: TableSpec<R>, rows: Iterable<R>): TDocumentDefinitions {
  const landscape = spec.orientation === 'landscape'
  const margins: [number, number, number, number] = spec.compact ? [22, 36, 22, 40] : [32, 36, 32, 40]
  const available = (landscape ? A4.height : A4.width) - margins[0] - margins[2]
  const fontSize = spec.compact ? 6.5 : (landscape ? 9 : 10) - (spec.dense ? 1 : 0)
  const pad = spec.compact ? 1.5 : spec.dense ? 2 : 3
  const head = (text: string, extra: Partial<Record<string, unknown>> = {}): TableCell =>
    ({ text, style: 'head', verticalAlignment: 'middle', ...extra }) as TableCell
  const headerRows: TableCell[][] = []
  if (hasGroups(spec)) {
    const top: TableCell[] = []
    const bottom: TableCell[] = []
    for (const g of headerGroups(spec.columns)) {
      const span = g.to - g.from + 1
      if (g.label === null) {
        top.push(head(spec.columns[g.from].header, { rowSpan: 2 }))
        bottom.push({} as TableCell)
      } else {
        top.push(head(g.label, { colSpan: span }))
        for (let i = 1; i < span; i++) top.push({} as TableCell)
        for (let i = g.from; i <= g.to; i++) bottom.push(head(spec.columns[i].header))
      }
    }
    headerRows.push(top, bottom)
  } else {
    headerRows.push(spec.columns.map((c) => head(c.header)))
  }
  const body: TableCell[][] = [...headerRows]
  let i = 0
  for (const row of rows) {
    const total = spec.isTotal?.(row) ?? false
    body.push(
      spec.columns.map((c) => {
        const kind = c.kind ?? 'text'
        const numeric = kind === 'number' || kind === 'percent'
        const marked = c.mark?.(row) ?? false
        return {
          text: cellText(kind, c.value(row, i), !spec.compact),
          alignment: c.align ?? (numeric ? 'center' : 'left'),
          bold: total || marked,
          ...(marked ? { color: MARKED } : {})
        } as TableCell
      })
    )
    i++
  }
  const content: Content[] = [
    { text: spec.title, style: 'title' },
    {
      columns: [
        { text: unitLine(spec), alignment: 'left' },
        { text: dateLine(spec), alignment: 'right' }
      ],
      margin: [0, 0, 0, 6]
    },
    {
      table: {
        headerRows: headerRows.length,
        dontBreakRows: true,
        // pdfmake widths exclude each cell's padding on both sides and the 1pt rule beside it.
        widths: pointWidths(
          spec.columns.map((c) => c.width),
          available - spec.columns.length * (2 * pad + 1) - 1
        ),
        body
      },
      layout: { paddingLeft: () => pad, paddingRight: () => pad, paddingTop: () => pad, paddingBottom: () => pad }
    }
  ]
  if (spec.note) content.push({ text: spec.note, margin: [0, 6, 0, 0] })
  return {
    info: { title: spec.title, creator: '换届工作台', producer: '换届工作台' },
    pageOrientation: spec.orientation,
    pageMargins: margins,
    footer: pageFooter(),
    defaultStyle: { font: BODY, fontSize },
    styles: {
      title: { font: HEADING, fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      head: { font: HEADING, bold: true, alignment: 'center', fillColor: '#f2f2f2' }
    },
    content
  }
}

/* eslint-disable @typescript-eslint/no-require-imports */
// pdfmake lays out a whole document in one synchronous call, and its cost grows faster than the page
// count. A batch of hundreds of forms instead lays out and renders one part at a time into a single
// pdfkit document (one embedded font subset), giving the event loop a turn, progress and cancel
// between parts. These are the same internal steps pdfmake's own Printer takes (pinned version).
// Loaded on first use, like pdfmake itself.
let internals: Record<string, any> | undefined
const pdfInternals = () =>
  (internals ??= {
    PdfKitDocument: require('pdfmake/js/PDFDocument').default,
    LayoutBuilder: require('pdfmake/js/LayoutBuilder').default,
    Renderer: require('pdfmake/js/Renderer').default,
    SVGMeasure: require('pdfmake/js/SVGMeasure').default,
    ...require('pdfmake/js/PageSize'),
    tableLayouts: require('pdfmake/js/tableLayouts').tableLayouts
  })
/* eslint-enable @typescript-eslint/no-require-imports */

type Footer = (current: number, total: number) => Content

/** Everything of a document definition except its content and footer, shared by every part. */
export type PartsBase = Omit<TDocumentDefinitions, 'content' | 'footer'>

export class IncrementalPdf {
  private readonly doc: { end(): void; on(e: string, f: (c?: Buffer) => void): void }
  private readonly chunks: Buffer[] = []
  private readonly ended: Promise<Buffer>
  private readonly pageSize: unknown
  pages = 0

  constructor(
    fonts: PdfFonts,
    private readonly base: PartsBase
  ) {
    const allowed = fontFiles(fonts)
    const { normalizePageSize, PdfKitDocument } = pdfInternals()
    this.pageSize = normalizePageSize(base.pageSize ?? 'A4', base.pageOrientation)
    const size = this.pageSize as { width: number; height: number }
    this.doc = new PdfKitDocument(
      fontDictionary(fonts),
      {},
      {},
      {},
      { size: [size.width, size.height], pdfVersion: '1.3', compress: true, autoFirstPage: false, fontLayoutCache: true, bufferPages: false, info: { Title: base.info?.title, Creator: base.info?.creator, Producer: base.info?.producer } },
      null,
      (p: string) => allowed.has(p)
    )
    this.doc.on('data', (c) => this.chunks.push(c!))
    this.ended = new Promise((resolve) => this.doc.on('end', () => resolve(Buffer.concat(this.chunks))))
  }

  /** Lays out and renders one part; its footer counts its own pages. Returns how many pages it took. */
  add(content: Content[], footer?: Footer): number {
    const { LayoutBuilder, normalizePageMargin, SVGMeasure, tableLayouts, Renderer } = pdfInternals()
    const builder = new LayoutBuilder(this.pageSize, normalizePageMargin(this.base.pageMargins ?? 40), new SVGMeasure())
    builder.registerTableLayouts(tableLayouts)
    const pages = builder.layoutDocument(content, this.doc, this.base.styles ?? {}, this.base.defaultStyle ?? { font: BODY }, undefined, undefined, footer)
    new Renderer(this.doc).renderPages(pages)
    this.pages += pages.length
    return pages.length
  }

  finish(): Promise<Buffer> {
    this.doc.end()
    return this.ended
  }
}
