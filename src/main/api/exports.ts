import { exportInput } from '../../shared/exports'
import type { Services } from '../core/services'
import { method, query } from './method'

/** Official tables and forms as xlsx or pdf. */
export const exportsApi = ({ exports }: Services) => ({
  tables: query(() => exports.tables()),
  /** A table as a file at once: { fileName, mime, base64 }. */
  file: method(exportInput, (i) => exports.file(i)),
  /** The same as a job (batches of forms, large tables): poll jobs.status for the file. */
  start: method(exportInput, (i) => exports.start(i))
})
