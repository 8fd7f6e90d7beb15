import { jobIdInput } from '../../shared/jobs'
import type { Services } from '../core/services'
import { method } from './method'

/** Progress and cancel of long work (imports, batches of forms). */
export const jobsApi = ({ jobs }: Services) => ({
  status: method(jobIdInput, ({ id }) => jobs.status(id) ?? null),
  cancel: method(jobIdInput, ({ id }) => jobs.cancel(id) ?? null)
})
