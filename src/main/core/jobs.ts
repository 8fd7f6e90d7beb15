import crypto from 'node:crypto'
import type { JobKind, JobState, JobStatus } from '../../shared/jobs'
import { AppFailure } from '../../shared/result'

export type { JobState, JobStatus }

export interface JobContext {
  progress(done: number, total?: number | null, message?: string): void
  /** Aborted when the user presses 取消; long loops check it (throwIfCancelled) between steps. */
  signal: AbortSignal
  throwIfCancelled(): void
  /**
   * The work is about to make its change final (an import's COMMIT, on another thread): true when no cancel was
   * asked, and from then on a cancel is refused, so that a job reported cancelled has changed nothing.
   */
  finalStep?(): boolean
}

export class JobCancelled extends Error {
  constructor() {
    super('已取消')
  }
}

const KEEP_FINISHED_MS = 30 * 60 * 1000

/**
 * Long work (imports of large rosters, batch printing) runs as a job: the API returns its id at once,
 * the UI polls `status` for a progress bar and may `cancel`. A cancelled or failed job has changed nothing,
 * because jobs write only in one final transaction.
 */
export class JobRunner {
  private readonly jobs = new Map<string, { status: JobStatus; controller: AbortController; final: boolean }>()

  start<T>(kind: JobKind | 'test', label: string, work: (ctx: JobContext) => Promise<T>): JobStatus<T> {
    this.sweep()
    const id = crypto.randomUUID()
    const controller = new AbortController()
    const status: JobStatus<T> = { id, kind, label, state: 'running', done: 0, total: null, message: '', startedAt: Date.now() }
    const job = { status, controller, final: false }
    this.jobs.set(id, job)
    const ctx: JobContext = {
      progress: (done, total, message) => {
        status.done = done
        if (total !== undefined) status.total = total
        if (message !== undefined) status.message = message
      },
      signal: controller.signal,
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new JobCancelled()
      },
      finalStep: () => {
        if (controller.signal.aborted) return false
        job.final = true
        return true
      }
    }
    // Let the caller receive the id before any work begins.
    setImmediate(() => {
      work(ctx).then(
        (result) => {
          if (controller.signal.aborted && !job.final) return this.finish(status, 'cancelled')
          status.result = result
          this.finish(status, 'done')
        },
        (e: unknown) => {
          if (e instanceof JobCancelled || (controller.signal.aborted && !job.final)) return this.finish(status, 'cancelled')
          status.error =
            e instanceof AppFailure ? { code: e.error.code, message: e.error.message } : { code: 'internal', message: (e as Error).message }
          this.finish(status, 'failed')
        }
      )
    })
    return { ...status }
  }

  status(id: string): JobStatus | undefined {
    const job = this.jobs.get(id)
    return job ? { ...job.status } : undefined
  }

  cancel(id: string): JobStatus | undefined {
    const job = this.jobs.get(id)
    if (job && job.status.state === 'running') {
      if (job.final) {
        job.status.message = '正在保存，已无法取消'
      } else {
        job.controller.abort()
        job.status.message = '正在取消…'
      }
    }
    return this.status(id)
  }

  /** Resolves when the job has finished (tests and the CLI wait on this instead of polling). */
  async wait(id: string, pollMs = 20): Promise<JobStatus> {
    for (;;) {
      const s = this.status(id)
      if (!s) throw new Error(`no job ${id}`)
      if (s.state !== 'running') return s
      await new Promise((r) => setTimeout(r, pollMs))
    }
  }

  private finish(status: JobStatus, state: JobState): void {
    status.state = state
    status.finishedAt = Date.now()
    if (state === 'cancelled') status.message = '已取消，数据未改动'
  }

  private sweep(): void {
    const now = Date.now()
    for (const [id, job] of this.jobs) {
      if (job.status.finishedAt && now - job.status.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id)
    }
  }
}

/** Lets a long synchronous loop give the event loop a turn (progress polls, cancel) every so often. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((r) => setImmediate(r))
}
