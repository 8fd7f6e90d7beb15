import { JobRunner, type JobState } from '../../jobs'
import type { BatchProgress } from '../dossier-pdf'

/** Runs a batch as a job the user cancels once `cancelAt` forms are done: the progress it reported and how it ended. */
export async function cancelledBatch(render: (job: BatchProgress) => Promise<unknown>, cancelAt = 5): Promise<{ state: JobState; seen: number[]; totals: Set<number | null | undefined> }> {
  const jobs = new JobRunner()
  const seen: number[] = []
  const totals = new Set<number | null | undefined>()
  const started = jobs.start('export', '批量', (ctx) =>
    render({
      progress: (done, total, message) => {
        seen.push(done)
        totals.add(total)
        ctx.progress(done, total, message)
        if (done === cancelAt) jobs.cancel(started.id)
      },
      throwIfCancelled: () => ctx.throwIfCancelled()
    })
  )
  const end = await jobs.wait(started.id)
  return { state: end.state, seen, totals }
}
