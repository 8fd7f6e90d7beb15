import type { PartsBase } from './pdf'

/**
 * PDFs made apart (a batch laid out on two threads) as one, their pages in order, with the document's own
 * title, creator and producer. The first part is kept as it is and the others' pages are copied into it, each
 * with what it uses (its font subset, its images). Written without object streams, as PDF 1.3 like the parts
 * (they also cost three times the CPU to write).
 */
export async function mergePdfs(parts: Uint8Array[], info: NonNullable<PartsBase['info']>): Promise<Buffer> {
  // Loaded on first use, as the PDF engine is.
  const { PDFDocument } = await import('pdf-lib')
  const [first, ...rest] = parts
  const out = await PDFDocument.load(first, { updateMetadata: false })
  for (const bytes of rest) {
    const part = await PDFDocument.load(bytes, { updateMetadata: false })
    for (const page of await out.copyPages(part, part.getPageIndices())) out.addPage(page)
  }
  if (info.title) out.setTitle(info.title)
  if (info.creator) out.setCreator(info.creator)
  if (info.producer) out.setProducer(info.producer)
  return Buffer.from(await out.save({ useObjectStreams: false }))
}
