import { z } from 'zod'
import { VILLAGE_LABELS, villageInput, villageQuery } from '../shared/village'
import { idInput, method, prefixed, query } from './api-method'
import { LATEST_VERSION, type Store } from './core/store'
import { VillageService } from './core/villages'
import { AuditService, auditQuery } from './core/audit'
import { vettingApi } from './vetting-api'

/**
 * The one API of the app: a plain object of async methods over the store. Electron IPC and the
 * browser-mode HTTP server both dispatch to it; its type is the renderer's contract.
 */
export function buildApi(store: Store) {
  const villages = new VillageService(store)
  const audit = new AuditService(store)

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
    ...vettingApi(store)
  }
}

export type Api = ReturnType<typeof buildApi>
