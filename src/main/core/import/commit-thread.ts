import type { ImportSummary } from '../../../shared/import'
import { AppFailure } from '../../../shared/result'
import { JobCancelled, yieldToEventLoop } from '../jobs'
import type { Worker } from 'node:worker_threads'
import type { Store } from '../store'
import type { CommitInput, FromCommit, ToCommit } from './commit-protocol'
import type { Progress } from './engine'
import { startThread } from '../thread'
import { actingAccount } from '../acting-account'
import type { Writable } from './write-analysis'

/** Records per message: each is copied on this thread, and a message of this many takes a few milliseconds. */
const RECORDS_PER_MESSAGE = 2000
const CANCEL_CHECK_MS = 50
/**
 * The libraries the services load, required as plain JavaScript before tsx's hook when the thread runs from
 * source (tests): through the hook the thread took a third longer to start.
 */
const LIBRARIES = ['better-sqlite3', 'exceljs', 'docx', 'jimp', 'jszip', 'pinyin-pro', 'zod', 'iconv-lite', 'fast-xml-parser']

/**
 * Threads that finished a commit cleanly, waiting for the next (unref'd: they keep no process alive). Starting
 * one loads the services; a roster imported after another should not pay that again.
 */
const idle: { worker: Worker; timer: NodeJS.Timeout; gone: () => void }[] = []
/** How long a finished thread waits for another commit before it ends and gives its memory back. */
const KEEP_IDLE_MS = 5 * 60_000

function takeThread(): Worker {
  const kept = idle.pop()
  if (!kept) return startThread({ name: 'commit-worker', sourceDir: __dirname, workerData: null, preload: LIBRARIES.map((m) => require.resolve(m)) })
  clearTimeout(kept.timer)
  kept.worker.off('exit', kept.gone)
  kept.worker.off('error', kept.gone)
  kept.worker.ref()
  return kept.worker
}

function putBack(worker: Worker): void {
  // One that ends while waiting is simply not there next time.
  const gone = () => {
    const at = idle.findIndex((k) => k.worker === worker)
    if (at >= 0) idle.splice(at, 1)
  }
  worker.on('exit', gone)
  // An error while waiting ends the thread (then 'exit'); unheard, it would be thrown on this one.
  worker.on('error', gone)
  worker.unref()
  const timer = setTimeout(() => void worker.terminate(), KEEP_IDLE_MS)
  timer.unref()
  idle.push({ worker, timer, gone })
}

/**
 * Writes a checked file on the commit thread (commit-worker.ts) with its own connection: this thread only hands
 * the records over, a message at a time between other calls, and relays progress and a cancel. This
 * connection's writes are refused meanwhile (Store.whileStreaming); its reads see the register as it was until
 * the COMMIT. A cancel is honoured up to the COMMIT; a thread that dies leaves the register as it was.
 */
export function commitOnThread(store: Store, analysis: Writable, progress: Progress): Promise<ImportSummary> {
  const { records, recordRows, ...facts } = analysis
  const input: CommitInput = {
    file: store.path,
    nativeBinding: store.openedWith.nativeBinding,
    key: store.openedWith.key,
    // The thread runs outside this call's context: the account is handed over, or its audit row would name no one.
    actor: actingAccount() ?? store.actor,
    today: store.clock.today(),
    now: store.clock.now(),
    analysis: facts
  }
  return store.whileStreaming(
    () =>
      new Promise<ImportSummary>((resolve, reject) => {
        const worker = takeThread()
        const post = (m: ToCommit) => worker.postMessage(m)
        let settled = false
        let cancelSent = false
        const cancelled = (): boolean => {
          try {
            progress.throwIfCancelled()
            return false
          } catch {
            return true
          }
        }
        const passOnCancel = () => {
          if (!cancelSent && cancelled()) {
            cancelSent = true
            post({ t: 'cancel' })
          }
        }
        const watch = setInterval(passOnCancel, CANCEL_CHECK_MS)
        /** Ends this commit: a thread that reported its end waits for the next, one that failed is ended. */
        const end = (fn: () => void, reusable: boolean) => {
          if (settled) return
          settled = true
          clearInterval(watch)
          // Only this commit's own listeners: the worker's own bookkeeping of 'message' listeners stays.
          worker.off('message', onMessage)
          worker.off('error', onError)
          worker.off('exit', onExit)
          if (reusable) putBack(worker)
          else void worker.terminate()
          fn()
        }
        const onMessage = (m: FromCommit) => {
          if (m.t === 'progress') {
            progress.progress(m.done, m.total, m.message)
            // A cancel is looked for after every batch too, as the commit on this thread does.
            passOnCancel()
          }
          else if (m.t === 'final') post({ t: !cancelled() && (progress.finalStep?.() ?? true) ? 'commit' : 'cancel' })
          else if (m.t === 'done') end(() => resolve(m.summary), true)
          else if (m.t === 'cancelled') end(() => reject(cancelError(progress)), true)
          else if (m.t === 'failed') end(() => reject(m.error ? new AppFailure(m.error) : new Error(m.message)), true)
        }
        const onError = (e: Error) => end(() => reject(e), false)
        const onExit = () => end(() => reject(new Error('导入线程意外结束，未导入任何数据')), false)
        worker.on('message', onMessage)
        worker.on('error', onError)
        worker.on('exit', onExit)
        post({ t: 'begin', input })
        void (async () => {
          for (let start = 0; start < records.length && !settled; start += RECORDS_PER_MESSAGE) {
            post({ t: 'records', records: records.slice(start, start + RECORDS_PER_MESSAGE), rows: recordRows.slice(start, start + RECORDS_PER_MESSAGE) })
            await yieldToEventLoop()
          }
          if (!settled) post({ t: 'write' })
        })()
      })
  )
}

function cancelError(progress: Progress): Error {
  try {
    progress.throwIfCancelled()
  } catch (e) {
    return e as Error
  }
  return new JobCancelled()
}
