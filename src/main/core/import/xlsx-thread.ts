import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { Worker } from 'node:worker_threads'
import { READER_MODULE, readXlsx, type Cell, type SourceRow } from './xlsx'

export type WorkerInput = { input: { path: string } | { bytes: Uint8Array }; batch: number; ahead: number }
export type ToReader = 'more'
type FromReader =
  | { t: 'sheet'; name: string }
  | { t: 'rows'; numbers: number[]; cells: Cell[][]; bytes: number }
  | { t: 'end'; bytes: number }
  | { t: 'error'; message: string }

/** Rows per message, and messages the reader may run ahead of the rows taken: enough to keep both threads busy. */
const BATCH = 1000
const AHEAD = 6

/** The built worker beside the bundle; from source (dev, tests), the TypeScript file through tsx's require hook. */
function startWorker(workerData: WorkerInput): Worker {
  for (const dir of [__dirname, path.join(__dirname, '..')]) {
    const built = path.join(dir, 'xlsx-worker.js')
    if (fs.existsSync(built)) return new Worker(built, { workerData })
  }
  const load = (file: string) => `require(${JSON.stringify(file)});`
  // The reader first, as plain JavaScript: through tsx's hook it loads half as fast again.
  const code = [require.resolve(READER_MODULE), require.resolve('tsx/cjs'), path.join(__dirname, 'xlsx-worker.ts')].map(load).join('')
  return new Worker(code, { eval: true, workerData })
}

/**
 * The sheets of a workbook read on a worker thread (xlsx-worker.ts), as the importer reads any source: one
 * sheet after another, each sheet's rows in order. Rows of a sheet the caller leaves unread are skipped.
 * `onBytes` hears how much of the file has been read; `fail` words the reader's error for the user.
 */
export async function* xlsxSheetsOnThread(
  input: { path: string } | { bytes: Buffer },
  onBytes: (bytes: number) => void,
  fail: (message: string) => Error
): AsyncIterable<{ name: string; rows: AsyncIterable<SourceRow> }> {
  const worker = startWorker({ input: 'bytes' in input ? { bytes: input.bytes } : input, batch: BATCH, ahead: AHEAD })
  const queue: FromReader[] = []
  let wake: (() => void) | null = null
  const push = (m: FromReader) => {
    queue.push(m)
    wake?.()
  }
  worker.on('message', push)
  worker.on('error', (e) => push({ t: 'error', message: e.message }))
  worker.on('exit', () => push({ t: 'error', message: '读取线程意外退出' }))
  const next = async (): Promise<FromReader> => {
    while (queue.length === 0) await new Promise<void>((r) => (wake = r))
    wake = null
    const m = queue.shift()!
    if (m.t === 'rows') {
      worker.postMessage('more' satisfies ToReader)
      onBytes(m.bytes)
    } else if (m.t === 'end') onBytes(m.bytes)
    return m
  }

  try {
    let m = await next()
    while (m.t !== 'end') {
      if (m.t === 'error') throw fail(m.message)
      if (m.t !== 'sheet') {
        m = await next()
        continue
      }
      // The message that ended the sheet's rows, once the caller has read them all.
      let after: FromReader | null = null
      const rows = async function* (): AsyncIterable<SourceRow> {
        for (;;) {
          const r = await next()
          if (r.t !== 'rows') {
            after = r
            return
          }
          for (let i = 0; i < r.numbers.length; i++) yield { row: r.numbers[i], cells: r.cells[i] }
        }
      }
      yield { name: m.name, rows: rows() }
      m = after ?? (await next())
    }
  } finally {
    void worker.terminate()
  }
}

/**
 * The same sheets read on this thread. A packaged Electron app keeps its code inside app.asar, where a
 * worker thread cannot be started from a file; it reads here instead, more slowly but the same.
 */
export async function* xlsxSheetsInProcess(
  input: { path: string } | { bytes: Buffer },
  onBytes: (bytes: number) => void,
  fail: (message: string) => Error
): AsyncIterable<{ name: string; rows: AsyncIterable<SourceRow> }> {
  const stream = 'bytes' in input ? Readable.from([input.bytes]) : fs.createReadStream(input.path)
  let bytes = 0
  stream.on('data', (c: Buffer) => onBytes((bytes += c.length)))
  try {
    yield* readXlsx(stream)
  } catch (e) {
    throw fail((e as Error).message)
  } finally {
    stream.destroy()
  }
}

export const insideAsar = (dir: string = __dirname): boolean => dir.split(path.sep).some((part) => part.endsWith('.asar'))
