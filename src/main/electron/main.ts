import { app, BrowserWindow, dialog, ipcMain, Menu, shell, type IpcMainInvokeEvent } from 'electron'
import fs from 'node:fs'
import path from 'node:path'
import { buildApi } from '../api'
import { dispatch } from '../api/method'
import { DB_FILE_NAME } from '../core/paths'
import { Store, StoreOpenError } from '../core/store'
import { API_CHANNEL, SAVE_CHANNEL } from '../../shared/ipc'
import { buildMenu } from './menu'

const RENDERER_URL = process.env.ELECTRON_RENDERER_URL
const RENDERER_FILE = path.join(__dirname, '../renderer/index.html')

/** `--db FILE` on the command line overrides the office's file in the user data folder. */
function dbPathFromArgs(): string {
  const i = process.argv.indexOf('--db')
  if (i > 0 && process.argv[i + 1]) return path.resolve(process.argv[i + 1])
  const eq = process.argv.find((a) => a.startsWith('--db='))
  return eq ? path.resolve(eq.slice(5)) : path.join(app.getPath('userData'), DB_FILE_NAME)
}

/** In development the Electron build of better-sqlite3 sits in .electron-native (see scripts/electron-sqlite.mjs). */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined
  const file = path.join(app.getAppPath(), '.electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
  return fs.existsSync(file) ? file : undefined
}

function isOwnPage(url: string): boolean {
  if (RENDERER_URL) return url.startsWith(RENDERER_URL)
  try {
    return new URL(url).protocol === 'file:' && path.resolve(new URL(url).pathname) === path.resolve(RENDERER_FILE)
  } catch {
    return false
  }
}

function senderIsOwnPage(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  return frame !== null && frame === event.sender.mainFrame && isOwnPage(frame.url)
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '换届工作台',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())
  // The app never navigates away from itself, and never opens windows of its own.
  win.webContents.on('will-navigate', (e, url) => {
    if (!isOwnPage(url)) e.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  if (RENDERER_URL) void win.loadURL(RENDERER_URL)
  else void win.loadFile(RENDERER_FILE)
  return win
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault())
})

if (!app.requestSingleInstanceLock()) {
  // One process owns the database file.
  app.quit()
} else {
  app.whenReady().then(() => {
    let store: Store
    try {
      store = Store.fileStore(dbPathFromArgs(), { nativeBinding: nativeBinding() })
    } catch (e) {
      dialog.showErrorBox('无法打开数据库', e instanceof StoreOpenError ? e.message : String((e as Error).message))
      app.exit(1)
      return
    }
    const api = buildApi(store)
    ipcMain.handle(API_CHANNEL, (event, name: unknown, input: unknown) => {
      if (!senderIsOwnPage(event)) return { ok: false, error: { code: 'forbidden', message: '拒绝来自外部页面的请求' } }
      return dispatch(api, String(name), input)
    })
    ipcMain.handle(SAVE_CHANNEL, async (event, name: unknown, base64: unknown) => {
      if (!senderIsOwnPage(event) || typeof name !== 'string' || typeof base64 !== 'string') return { saved: false }
      const win = BrowserWindow.fromWebContents(event.sender)
      const options = { title: '保存文件', defaultPath: path.join(app.getPath('documents'), path.basename(name)) }
      const { canceled, filePath } = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      if (canceled || !filePath) return { saved: false }
      await fs.promises.writeFile(filePath, Buffer.from(base64, 'base64'))
      return { saved: true, path: filePath }
    })
    Menu.setApplicationMenu(buildMenu(store))
    const win = createWindow()
    app.on('second-instance', () => {
      if (win.isMinimized()) win.restore()
      win.focus()
    })
    app.on('before-quit', () => store.close())
  })
  app.on('window-all-closed', () => app.quit())
}
