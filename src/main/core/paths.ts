import os from 'node:os'
import path from 'node:path'

export const APP_DIR_NAME = '换届工作台'
export const DB_FILE_NAME = 'huanjie.db'

/** The same folder Electron's app.getPath('userData') gives for this productName, so CLI and app agree. */
export function defaultDataDir(): string {
  if (process.env.HUANJIE_DATA_DIR) return process.env.HUANJIE_DATA_DIR
  const home = os.homedir()
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME)
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME)
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME)
}

export function defaultDbPath(): string {
  return path.join(defaultDataDir(), DB_FILE_NAME)
}
