/**
 * Lays out its share of a batch of forms on its own thread and sends back its PDF; speaks the protocol of
 * dossier-pdf-threads.ts.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { DossierPdfWriter } from './dossier-pdf'
import type { FromPdfThread, PdfThreadInput, ToPdfThread } from './dossier-pdf-threads'

const { fonts, title, cover } = workerData as PdfThreadInput
const port = parentPort!
const send = (m: FromPdfThread) => port.postMessage(m)

try {
  const writer = new DossierPdfWriter(fonts, title)
  if (cover) writer.cover(cover.list, cover.info)
  port.on('message', (m: ToPdfThread) => {
    try {
      if (m.t === 'form') {
        writer.form(m.form)
        send({ t: 'done' })
      } else {
        writer.finish().then(
          (bytes) => send({ t: 'pdf', bytes }),
          (e: Error) => send({ t: 'error', message: e.message })
        )
      }
    } catch (e) {
      send({ t: 'error', message: (e as Error).message })
    }
  })
} catch (e) {
  send({ t: 'error', message: (e as Error).message })
}
