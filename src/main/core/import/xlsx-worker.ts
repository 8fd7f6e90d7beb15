/**
 * Reads a workbook on its own thread, so that parsing the XML overlaps the checking and writing of the rows
 * already read. Speaks the protocol of xlsx-thread.ts; imports nothing but the reader, to start quickly.
 */
import fs from 'node:fs'
import { Readable, Transform } from 'node:stream'
import { parentPort, workerData } from 'node:worker_threads'
import type { ToReader, WorkerInput } from './xlsx-thread'
import { readXlsx, type Cell } from './xlsx'

const { input, batch, ahead } = workerData as WorkerInput
const port = parentPort!
let credit = ahead
let resume: (() => void) | null = null
port.on('message', (m: ToReader) => {
  if (m === 'more') credit++
  resume?.()
})

let consumed = 0
const counting = new Transform({
  transform(chunk: Buffer, _enc, done) {
    consumed += chunk.length
    done(null, chunk)
  }
})
const source = 'bytes' in input ? Readable.from([Buffer.from(input.bytes)]) : fs.createReadStream(input.path, { highWaterMark: 1 << 20 })

async function send(numbers: number[], cells: Cell[][]): Promise<void> {
  while (credit === 0) await new Promise<void>((r) => (resume = r))
  credit--
  port.postMessage({ t: 'rows', numbers, cells, bytes: consumed })
}

async function run(): Promise<void> {
  try {
    for await (const sheet of readXlsx(source.pipe(counting))) {
      port.postMessage({ t: 'sheet', name: sheet.name })
      let numbers: number[] = []
      let cells: Cell[][] = []
      for await (const r of sheet.rows) {
        numbers.push(r.row)
        cells.push(r.cells)
        if (numbers.length === batch) {
          await send(numbers, cells)
          numbers = []
          cells = []
        }
      }
      if (numbers.length) await send(numbers, cells)
    }
    port.postMessage({ t: 'end', bytes: consumed })
  } catch (e) {
    port.postMessage({ t: 'error', message: (e as Error).message })
  }
  port.close()
}

void run()
