import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { FontFile, PdfFonts } from './fonts'

// pdfmake exports one configured instance (module.exports = new pdfmake()); its methods need it as `this`.
// Loaded on first use, so a process that builds every service but only imports never holds the PDF engine.
let loaded: typeof import('pdfmake') | undefined
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = (): typeof import('pdfmake') => (loaded ??= require('pdfmake'))

/** Font family names used in document definitions. */
export const BODY = 'Body'
export const HEADING = 'Heading'

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
  /** pdfmake's PDFKit document, with the two image tables it keeps by name (its internals, not its API). */
  private readonly doc: {
    end(): void
    on(e: string, f: (c?: Buffer) => void): void
    images: Record<string, unknown>
    _imageRegistry: Record<string, unknown>
  }
  private readonly chunks: Buffer[] = []
  private readonly ended: Promise<Buffer>
  private readonly pageSize: unknown
  private imageCount = 0
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
    const images = this.nameImages(content)
    const { LayoutBuilder, normalizePageMargin, SVGMeasure, tableLayouts, Renderer } = pdfInternals()
    const builder = new LayoutBuilder(this.pageSize, normalizePageMargin(this.base.pageMargins ?? 40), new SVGMeasure())
    builder.registerTableLayouts(tableLayouts)
    const pages = builder.layoutDocument(content, this.doc, this.base.styles ?? {}, this.base.defaultStyle ?? { font: BODY }, undefined, undefined, footer)
    new Renderer(this.doc).renderPages(pages)
    // An embedded image is written once and never drawn again by a later part: let it go.
    const doc = this.doc
    for (const name of images) {
      delete doc.images[name]
      delete doc._imageRegistry[name]
    }
    this.pages += pages.length
    return pages.length
  }

  /**
   * pdfmake names each data-URL image `$$pdfmake$$N` with a counter that lives in the layout builder,
   * and the document caches images by that name, so every part's first photo would be drawn as the
   * first part's. The names are given here instead, counted over the whole document.
   */
  private nameImages(content: unknown): string[] {
    const names: string[] = []
    const doc = this.doc
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) {
        for (const n of node) visit(n)
      } else if (node !== null && typeof node === 'object') {
        const o = node as Record<string, unknown>
        if (typeof o.image === 'string' && o.image.startsWith('data:image/')) {
          const name = `photo${++this.imageCount}`
          doc.images[name] = o.image
          o.image = name
          names.push(name)
        }
        for (const k in o) if (k !== 'image' && typeof o[k] === 'object') visit(o[k])
      }
    }
    visit(content)
    return names
  }

  finish(): Promise<Buffer> {
    this.doc.end()
    return this.ended
  }
}
