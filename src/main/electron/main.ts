import { app, BrowserWindow, dialog, ipcMain, Menu, session, type IpcMainInvokeEvent } from 'electron'
import fs from 'node:fs'
import path from 'node:path'
import { Gate } from '../api/gate'
import { systemClock } from '../core/clock'
import { DB_FILE_NAME } from '../core/paths'
import { API_CHANNEL, SAVE_CHANNEL } from '../../shared/ipc'
import { buildMenu } from './menu'
import { rendererSource } from './own-page'
import { mayNavigate, permissionGranted, senderAllowed, windowOpenDecision } from './shell-policy'
import { tuneHeapForForms } from '../heap'

tuneHeapForForms()

const SOURCE = rendererSource({ appDir: __dirname, isPackaged: app.isPackaged, env: process.env, platform: process.platform })

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

function senderIsOwnPage(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  return senderAllowed(frame, frame !== null && frame === event.sender.mainFrame, SOURCE)
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
  if (SOURCE.devUrl) void win.loadURL(SOURCE.devUrl)
  else void win.loadFile(SOURCE.file)
  return win
}

// Every web contents, the window's and any other: own pages only, no new windows, no webviews.
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault())
  const guard = (e: { preventDefault(): void }, url: string): void => {
    if (!mayNavigate(url, SOURCE)) e.preventDefault()
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.setWindowOpenHandler(() => windowOpenDecision())
})

if (!app.requestSingleInstanceLock()) {
  // One process owns the database file.
  app.quit()
} else {
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(permissionGranted()))
    session.defaultSession.setPermissionCheckHandler(() => permissionGranted())
    // The register opens at the first sign-in in the window (or is set up there on first start).
    const file = dbPathFromArgs()
    const gate = new Gate(file, { clock: systemClock, nativeBinding: nativeBinding() })
    /** The session each window signed in with: the window itself never needs to hold it. */
    const sessions = new Map<number, string>()
    ipcMain.handle(API_CHANNEL, async (event, name: unknown, input: unknown) => {
      if (!senderIsOwnPage(event)) return { ok: false, error: { code: 'forbidden', message: '拒绝来自外部页面的请求' } }
      const r = (await gate.call(sessions.get(event.sender.id), String(name), input)) as { ok: boolean; value?: { session?: string } }
      if (r.ok && typeof r.value?.session === 'string') sessions.set(event.sender.id, r.value.session)
      if (String(name) === 'session.logout') sessions.delete(event.sender.id)
      return r
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
    const win = createWindow()
    Menu.setApplicationMenu(buildMenu(file, (out) => gate.backup(sessions.get(win.webContents.id), out)))
    app.on('second-instance', () => {
      if (win.isMinimized()) win.restore()
      win.focus()
    })
    app.on('before-quit', () => gate.close())
  })
  app.on('window-all-closed', () => app.quit())
}
