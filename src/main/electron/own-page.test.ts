import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { fileOfUrl, isOwnPage, rendererSource, samePath } from './own-page'
import { mayNavigate, permissionGranted, senderAllowed, windowOpenDecision } from './shell-policy'

const WIN_INSTALL = 'C:\\Program Files\\换届工作台\\resources\\app.asar\\out\\main'
const WIN_PAGE = 'C:\\Program Files\\换届工作台\\resources\\app.asar\\out\\renderer\\index.html'
const LINUX_INSTALL = '/opt/换届工作台/resources/app.asar/out/main'
const LINUX_PAGE = '/opt/换届工作台/resources/app.asar/out/renderer/index.html'

const win = (appDir = WIN_INSTALL) => rendererSource({ appDir, isPackaged: true, env: {}, platform: 'win32' })
const linux = (appDir = LINUX_INSTALL) => rendererSource({ appDir, isPackaged: true, env: {}, platform: 'linux' })

describe('the renderer page of an installed app', () => {
  it('lies beside the main bundle, in the platform’s own path form', () => {
    expect(win().file).toBe(WIN_PAGE)
    expect(linux().file).toBe(LINUX_PAGE)
  })

  it('is recognised from the file URL Chromium reports on Windows (encoded spaces and Chinese, /C:/ form)', () => {
    const url = pathToFileURL(WIN_PAGE, { windows: true }).href
    expect(url).toBe('file:///C:/Program%20Files/%E6%8D%A2%E5%B1%8A%E5%B7%A5%E4%BD%9C%E5%8F%B0/resources/app.asar/out/renderer/index.html')
    expect(isOwnPage(url, win())).toBe(true)
    expect(isOwnPage(`${url}#/voters?village=3`, win())).toBe(true)
    expect(isOwnPage(`${url}?x=1`, win())).toBe(true)
  })

  it('matches on Windows whatever the case of the drive letter or the folders, and with forward slashes', () => {
    expect(isOwnPage('file:///c:/Program%20Files/换届工作台/resources/app.asar/out/renderer/index.html', win())).toBe(true)
    expect(isOwnPage('file:///C:/PROGRAM%20FILES/换届工作台/RESOURCES/app.asar/out/renderer/INDEX.HTML', win())).toBe(true)
    expect(samePath('c:/Program Files/x', 'C:\\program files\\X', true)).toBe(true)
    expect(samePath('/opt/App/x', '/opt/app/x', false)).toBe(false)
  })

  it('is found on a network share (UNC) on Windows', () => {
    const source = win('\\\\fileserver\\软件\\换届 工作台\\resources\\app.asar\\out\\main')
    const url = pathToFileURL(source.file, { windows: true }).href
    expect(url.startsWith('file://fileserver/')).toBe(true)
    expect(fileOfUrl(url, true)).toBe('\\\\fileserver\\软件\\换届 工作台\\resources\\app.asar\\out\\renderer\\index.html')
    expect(isOwnPage(url, source)).toBe(true)
    expect(isOwnPage(url.replace('fileserver', 'otherserver'), source)).toBe(false)
  })

  it('is recognised on Linux under a Chinese folder, with or without encoding, inside the asar archive', () => {
    const url = pathToFileURL(LINUX_PAGE, { windows: false }).href
    expect(url).toContain('%E6%8D%A2')
    expect(isOwnPage(url, linux())).toBe(true)
    expect(isOwnPage('file:///opt/换届工作台/resources/app.asar/out/renderer/index.html', linux())).toBe(true)
    expect(isOwnPage('file:///opt/换届 工作台/out/renderer/index.html', linux('/opt/换届 工作台/out/main'))).toBe(true)
  })

  it('refuses every other page: other files, other folders, a look-alike, a host on Linux, other schemes', () => {
    for (const url of [
      'file:///C:/Program%20Files/换届工作台/resources/app.asar/out/renderer/other.html',
      'file:///D:/Program%20Files/换届工作台/resources/app.asar/out/renderer/index.html',
      'file:///C:/Program%20Files/换届工作台/resources/app.asar/out/renderer/index.html.evil',
      'file:///C:/Program%20Files/换届工作台/resources/app.asar/out/renderer%2Findex.html',
      'https://example.com/index.html',
      'http://127.0.0.1:5173/',
      'javascript:alert(1)',
      'not a url',
      ''
    ]) {
      expect(isOwnPage(url, win()), url).toBe(false)
    }
    expect(isOwnPage('file://evil/opt/换届工作台/resources/app.asar/out/renderer/index.html', linux())).toBe(false)
    expect(isOwnPage('file:///opt/换届工作台/resources/app.asar/out/renderer/../renderer/index.html', linux())).toBe(true)
    expect(isOwnPage('file:///opt/换届工作台/resources/app.asar/out/renderer%2Findex.html', linux())).toBe(false)
  })
})

describe('the development server', () => {
  it('is used only in an unpacked run, and only its own origin counts', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    expect(rendererSource({ appDir: LINUX_INSTALL, isPackaged: true, env, platform: 'linux' }).devUrl).toBeNull()
    const dev = rendererSource({ appDir: '/home/dev/app/out/main', isPackaged: false, env, platform: 'linux' })
    expect(dev.devUrl).toBe('http://localhost:5173')
    expect(isOwnPage('http://localhost:5173/#/voters', dev)).toBe(true)
    expect(isOwnPage('http://localhost:51730/', dev)).toBe(false)
    expect(isOwnPage('http://localhost:5173.evil.example/', dev)).toBe(false)
  })
})

describe('the shell’s policy', () => {
  it('navigates only to own pages, opens no window and grants no permission', () => {
    const page = pathToFileURL(WIN_PAGE, { windows: true }).href
    expect(mayNavigate(page, win())).toBe(true)
    expect(mayNavigate('https://www.gov.cn/', win())).toBe(false)
    expect(windowOpenDecision()).toEqual({ action: 'deny' })
    expect(permissionGranted()).toBe(false)
  })

  it('answers API calls from the own page’s top frame only', () => {
    const page = pathToFileURL(LINUX_PAGE, { windows: false }).href
    expect(senderAllowed({ url: page }, true, linux())).toBe(true)
    expect(senderAllowed({ url: page }, false, linux())).toBe(false)
    expect(senderAllowed(null, true, linux())).toBe(false)
    expect(senderAllowed({ url: 'https://example.com/' }, true, linux())).toBe(false)
  })
})
