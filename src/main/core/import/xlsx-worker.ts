/**
 * Reads a workbook on its own thread and prepares its rows there (header, mapping, coerced cells), so that
 * parsing and coercing overlap the checking and writing of the rows already sent. Speaks the protocol of
 * xlsx-thread.ts; imports only the reader and the pure preparing code, to start quickly.
 */
import { Transform } from 'node:stream'
import { parentPort, workerData } from 'node:worker_threads'
import { appendBatch, emptyBatch, prepareSheets, type PreparedBatch, type RawBatch } from './prepare'
import type { ToReader, WorkerInput } from './xlsx-thread'
import { readXlsx } from './xlsx'
import { workbookStream } from './zip-order'

const { input, batch, ahead, prepare } = workerData as WorkerInput
const port = parentPort!
let credit = ahead
let resume: (() => void) | null = null
port.on('message', (m: ToReader) => {
  if (m === 'more') credit++
  resume?.()
})
// The port keeps the thread alive only while it waits for the other side. A workbook damaged or cut short can
// leave the reader waiting for bytes that never come, with nothing else pending: the thread then ends, and the
// other side reports the file as unreadable instead of waiting for ever.
port.unref()

let consumed = 0
const counting = new Transform({
  transform(chunk: Buffer, _enc, done) {
    consumed += chunk.length
    done(null, chunk)
  }
})

async function send(rows: PreparedBatch | RawBatch): Promise<void> {
  if (credit === 0) {
    port.ref()
    while (credit === 0) await new Promise<void>((r) => (resume = r))
    port.unref()
  }
  credit--
  port.postMessage({ t: 'rows', rows, bytes: consumed })
}

async function run(): Promise<void> {
  try {
    // The other thread has taken every batch sent, and waits or soon will: it prepares the next one itself.
    const otherSideIdle = () => credit === ahead
    for await (const sheet of prepareSheets(readXlsx(workbookStream(input).pipe(counting)), prepare, otherSideIdle)) {
      port.postMessage({ t: 'sheet', name: sheet.name, head: sheet.head, rows: sheet.rows !== null })
      if (!sheet.rows) continue
      let rows = emptyBatch()
      for await (const prepared of sheet.rows) {
        if ('raw' in prepared) {
          if (rows.rows.length || rows.ignored.length) await send(rows)
          rows = emptyBatch()
          await send(prepared)
          continue
        }
        appendBatch(rows, prepared)
        if (rows.rows.length >= batch) {
          await send(rows)
          rows = emptyBatch()
        }
      }
      if (rows.rows.length || rows.ignored.length) await send(rows)
      port.postMessage({ t: 'sheetEnd' })
    }
    port.postMessage({ t: 'end', bytes: consumed })
  } catch (e) {
    port.postMessage({ t: 'error', message: (e as Error).message })
  }
  port.close()
}

void run()
