import { z } from 'zod'
import { VILLAGE_LABELS, villageInput, villageQuery } from '../shared/village'
import { idInput, method, query } from './api-method'
import { LATEST_VERSION, type Store } from './core/store'
import { VillageService } from './core/villages'
import { AuditService, auditQuery } from './core/audit'
import { JobRunner } from './core/jobs'
import { ImportService } from './core/import/service'
import { importCommitInput, importPreviewInput, rememberMappingInput } from '../shared/import'

/**
 * The one API of the app: a plain object of async methods over the store. Electron IPC and the
 * browser-mode HTTP server both dispatch to it; its type is the renderer's contract.
 */
export function buildApi(store: Store, jobs: JobRunner = new JobRunner()) {
  const villages = new VillageService(store)
  const audit = new AuditService(store)
  const imports = new ImportService(store, jobs)
  const jobId = z.object({ id: z.string().min(1) })

  return {
    app: {
      info: query(() => ({
        name: '换届工作台',
        dbPath: store.path,
        dataVersion: store.version,
        supportedVersion: LATEST_VERSION,
        backupBeforeMigration: store.backupBeforeMigration
      }))
    },
    villages: {
      list: method(villageQuery, (q) => villages.list(q)),
      get: method(idInput, ({ id }) => villages.require(id)),
      create: method(villageInput, (v) => villages.create(v), VILLAGE_LABELS),
      update: method(
        z.object({ id: z.number().int().positive(), data: villageInput }),
        ({ id, data }) => villages.update(id, data),
        prefixed('data', VILLAGE_LABELS)
      ),
      remove: method(idInput, ({ id }) => villages.remove(id))
    },
    audit: {
      list: method(auditQuery, (q) => audit.list(q))
    },
    imports: {
      kinds: query(() => imports.kinds()),
      /** Starts reading and checking a file; the job's result is the ImportPreview. */
      preview: method(importPreviewInput, ({ kind, fileName, base64, villageId, mapping, sheet }) =>
        imports.startPreview(kind, { bytes: Buffer.from(base64, 'base64'), name: fileName }, { villageId, mapping, sheet })
      ),
      /** Starts writing a previewed file; the job's result is the ImportSummary. */
      commit: method(importCommitInput, ({ previewId }) => imports.startCommit(previewId)),
      remember: method(rememberMappingInput, ({ kind, header, field }) => imports.remember(kind, header, field))
    },
    jobs: {
      status: method(jobId, ({ id }) => jobs.status(id) ?? null),
      cancel: method(jobId, ({ id }) => jobs.cancel(id) ?? null)
    }
  }
}

function prefixed(prefix: string, labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}.${k}`, v]))
}

export type Api = ReturnType<typeof buildApi>
