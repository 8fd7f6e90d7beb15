import { query } from './method'
import { LATEST_VERSION } from '../core/store'
import type { Services } from '../core/services'

/** What the window's title and 关于 show: the open file and its data version. */
export const appApi = ({ store }: Services) => ({
  info: query(() => ({
    name: '换届工作台',
    dbPath: store.path,
    dataVersion: store.version,
    supportedVersion: LATEST_VERSION,
    backupBeforeMigration: store.backupBeforeMigration
  }))
})
