import { startThread } from '../thread'
import type { PreparedBatch, PreparedSheet, PrepareOptions, RawBatch, SheetHead } from './prepare'
import { READER_MODULE } from './xlsx'

export type WorkerInput = { input: { path: string } | { bytes: Uint8Array }; batch: number; ahead: number; prepare: PrepareOptions }
export type ToReader = 'more'
type FromReader =
  | { t: 'sheet'; name: string; head: SheetHead | null; rows: boolean }
  | { t: 'rows'; rows: PreparedBatch | RawBatch; bytes: number }
  | { t: 'sheetEnd' }
  | { t: 'end'; bytes: number }
  | { t: 'error'; message: string }

const STOPPED = '读取在文件结束前中断'

/** Rows per message (at least), and messages the reader may run ahead of the rows taken: enough to keep both threads busy. */
const BATCH = 1000
const AHEAD = 6
/**
 * The reader allocates a few small objects per cell and keeps none: a young generation larger than V8's
 * default collects them in fewer, cheaper passes. Beyond 48 MB it only costs memory (96 MB: as fast, 30 MB more).
 */
const YOUNG_GENERATION_MB = 48

function startWorker(workerData: WorkerInput) {
  // The reader first, as plain JavaScript: through tsx's hook it loads half as fast again.
  return startThread({ name: 'xlsx-worker', sourceDir: __dirname, workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }, preload: [require.resolve(READER_MODULE)] })
}

/**
 * The sheets of a workbook read and prepared on a worker thread (xlsx-worker.ts), as prepareSheets gives
 * them. `onBytes` hears how much of the file has been read; `fail` words the reader's error for the user.
 */
export async function* xlsxPreparedOnThread(
  input: { path: string } | { bytes: Buffer },
  prepare: PrepareOptions,
  onBytes: (bytes: number) => void,
  fail: (message: string) => Error
): AsyncIterable<PreparedSheet> {
  const worker = startWorker({ input: 'bytes' in input ? { bytes: input.bytes } : input, batch: BATCH, ahead: AHEAD, prepare })
  const queue: FromReader[] = []
  let wake: (() => void) | null = null
  const push = (m: FromReader) => {
    queue.push(m)
    wake?.()
  }
  worker.on('message', push)
  worker.on('error', (e) => push({ t: 'error', message: e.message }))
  worker.on('exit', () => push({ t: 'error', message: STOPPED }))
  const next = async (): Promise<FromReader> => {
    while (queue.length === 0) await new Promise<void>((r) => (wake = r))
    wake = null
    const m = queue.shift()!
    if (m.t === 'error') throw fail(m.message)
    if (m.t === 'rows') {
      worker.postMessage('more' satisfies ToReader)
      onBytes(m.bytes)
    } else if (m.t === 'end') onBytes(m.bytes)
    return m
  }

  try {
    for (let m = await next(); m.t !== 'end'; m = await next()) {
      if (m.t !== 'sheet') continue
      if (!m.rows) {
        yield { name: m.name, head: m.head, rows: null }
        continue
      }
      let ended = false
      const rows = async function* (): AsyncIterable<PreparedBatch | RawBatch> {
        for (let r = await next(); r.t === 'rows'; r = await next()) yield r.rows
        ended = true
      }
      yield { name: m.name, head: m.head, rows: rows() }
      // Rows the caller left unread are passed over.
      while (!ended && (await next()).t !== 'sheetEnd');
    }
  } finally {
    void worker.terminate()
  }
}
