import os from 'node:os'
import type { Worker } from 'node:worker_threads'
import type { DossierData } from '../../../shared/dossier'
import { JobCancelled } from '../jobs'
import { startThread } from '../thread'
import { batchMessage, batchTitle, renderDossierBatch, type BatchProgress, type CoverInfo, type CoverRow, type FormSource } from './dossier-pdf'
import type { PdfFonts } from './fonts'
import { mergePdfs } from './pdf-merge'

export interface PdfThreadInput {
  fonts: PdfFonts
  title: string
  /** The first thread's part opens with the cover list. */
  cover: { list: CoverRow[]; info: CoverInfo } | null
}
export type ToPdfThread = { t: 'form'; form: DossierData } | { t: 'end' }
export type FromPdfThread = { t: 'done' } | { t: 'pdf'; bytes: Uint8Array } | { t: 'error'; message: string }

/** Below this many forms a thread's start (its own PDF engine and fonts) costs more than it saves. */
const THREADS_FROM = 40
/** Forms sent ahead to each thread: enough to keep it busy, few enough that a batch never holds many photos. */
const AHEAD = 3
/** Laying out forms makes many short-lived objects; a larger young generation collects them in fewer passes (see heap.ts). */
const YOUNG_GENERATION_MB = 96

const threadCount = (total: number): number => (total < THREADS_FROM ? 1 : Math.min(2, os.availableParallelism()))

/**
 * A large batch of forms laid out on two threads, the first half with the cover on one, the second on the
 * other, and joined into one PDF (pdf-lib). The forms are read here, in order, and sent a few at a time;
 * progress counts the forms both threads have finished, and a cancel stops both at once. Where no thread
 * can start (or one fails), the batch is laid out here instead, as a small batch always is.
 */
export async function renderDossierBatchOnThreads(source: FormSource, cover: CoverInfo, fonts: PdfFonts, job?: BatchProgress): Promise<Buffer> {
  const total = source.cover.length
  const n = threadCount(total)
  if (n < 2) return renderDossierBatch(source, cover, fonts, job)
  try {
    return await onThreads(source, cover, fonts, n, job)
  } catch (e) {
    if (e instanceof JobCancelled || !(e instanceof ThreadFailed)) throw e
    return renderDossierBatch(source, cover, fonts, job)
  }
}

class ThreadFailed extends Error {}

interface Part {
  worker: Worker
  next: number
  end: number
  inFlight: number
  pdf?: Uint8Array
}

async function onThreads(source: FormSource, cover: CoverInfo, fonts: PdfFonts, n: number, job?: BatchProgress): Promise<Buffer> {
  const total = source.cover.length
  const title = batchTitle(cover)
  const events: { k: number; m: FromPdfThread }[] = []
  let wake: (() => void) | null = null
  const push = (k: number, m: FromPdfThread) => {
    events.push({ k, m })
    wake?.()
  }
  const parts: Part[] = Array.from({ length: n }, (_, k) => {
    const input: PdfThreadInput = { fonts, title, cover: k === 0 ? { list: source.cover, info: cover } : null }
    const worker = startThread({ name: 'dossier-pdf-worker', sourceDir: __dirname, workerData: input, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } })
    worker.on('message', (m: FromPdfThread) => push(k, m))
    worker.on('error', (e) => push(k, { t: 'error', message: e.message }))
    worker.on('exit', () => push(k, { t: 'error', message: '生成 PDF 的线程意外结束' }))
    return { worker, next: Math.floor((total * k) / n), end: Math.floor((total * (k + 1)) / n), inFlight: 0 }
  })
  const next = async () => {
    while (events.length === 0) await new Promise<void>((r) => (wake = r))
    wake = null
    const e = events.shift()!
    if (e.m.t === 'error') throw new ThreadFailed(e.m.message)
    return e
  }
  const fill = (p: Part) => {
    for (; p.inFlight < AHEAD && p.next < p.end; p.inFlight++) p.worker.postMessage({ t: 'form', form: source.form(p.next++) } satisfies ToPdfThread)
    if (p.inFlight === 0 && p.next === p.end) p.worker.postMessage({ t: 'end' } satisfies ToPdfThread)
  }
  try {
    for (const p of parts) fill(p)
    let done = 0
    while (parts.some((p) => !p.pdf)) {
      const { k, m } = await next()
      const p = parts[k]
      if (m.t === 'pdf') {
        p.pdf = m.bytes
        continue
      }
      p.inFlight--
      job?.progress(++done, total, batchMessage(done, total))
      job?.throwIfCancelled()
      fill(p)
    }
    return await mergePdfs(
      parts.map((p) => p.pdf!),
      { title, creator: '换届工作台', producer: '换届工作台' }
    )
  } finally {
    for (const p of parts) {
      p.worker.removeAllListeners('exit')
      void p.worker.terminate()
    }
  }
}
