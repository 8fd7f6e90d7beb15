/**
 * Writes a checked roster on its own thread with its own connection to the register's file, in one transaction
 * (write-analysis.ts), so that the window's main thread keeps answering every other call meanwhile. Speaks
 * the protocol of commit-protocol.ts with commit-thread.ts, one commit after another.
 */
import { parentPort } from 'node:worker_threads'
import { AppFailure } from '../../../shared/result'
import type { Clock } from '../clock'
import { importRegisters } from '../services'
import { Store } from '../store'
import type { CommitInput, FromCommit, ToCommit } from './commit-protocol'
import type { Progress } from './engine'
import { writeAnalysis } from './write-analysis'

const port = parentPort!
let input: CommitInput
let records: unknown[] = []
let rows: number[] = []
let cancelled = false
let answer: ((commit: boolean) => void) | null = null

class Cancelled extends Error {}

const send = (m: FromCommit) => port.postMessage(m)

port.on('message', (m: ToCommit) => {
  if (m.t === 'begin') {
    input = m.input
    records = []
    rows = []
    cancelled = false
    answer = null
  } else if (m.t === 'records') {
    for (const r of m.records) records.push(r)
    for (const r of m.rows) rows.push(r)
  } else if (m.t === 'write') {
    void run()
  } else if (m.t === 'cancel') {
    cancelled = true
    answer?.(false)
  } else if (m.t === 'commit') answer?.(true)
})

async function run(): Promise<void> {
  // The whole import is one moment: every row and the audit entry carry the stamp of its start.
  const clock: Clock = { today: () => input.today, now: () => input.now }
  const progress: Progress = {
    progress: (done, total, message) => send({ t: 'progress', done, total: total ?? records.length, message: message ?? '' }),
    throwIfCancelled: () => {
      if (cancelled) throw new Cancelled()
    }
  }
  let store: Store | null = null
  try {
    store = Store.openCurrent(input.file, { nativeBinding: input.nativeBinding, key: input.key ? Buffer.from(input.key) : undefined, actor: input.actor, clock })
    const tx = store
    const analysis = { ...input.analysis, records, recordRows: rows }
    const summary = await tx.streamHere(
      (audit) => writeAnalysis(tx, importRegisters(tx, clock), analysis, audit, progress, null, 0),
      // The other side decides, on its one thread, whether a cancel came first; after 'commit' none is taken.
      async () => {
        send({ t: 'final' })
        const commit = await new Promise<boolean>((resolve) => (answer = resolve))
        if (!commit) throw new Cancelled()
      }
    )
    send({ t: 'done', summary })
  } catch (e) {
    if (e instanceof Cancelled) send({ t: 'cancelled' })
    else send({ t: 'failed', error: e instanceof AppFailure ? e.error : null, message: (e as Error).message })
  } finally {
    store?.close()
    // Nothing of this commit is kept: the thread waits for the next one.
    records = []
    rows = []
  }
}
