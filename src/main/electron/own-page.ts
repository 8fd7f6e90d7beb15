import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where the window's pages come from: the built index.html, or the dev server in an unpacked run. */
export interface RendererSource {
  /** The built renderer's index.html, as a path of the platform the app runs on. */
  file: string
  /** electron-vite's dev server; null in a packaged app whatever the environment says. */
  devUrl: string | null
  windows: boolean
}

export function rendererSource(opts: {
  appDir: string
  isPackaged: boolean
  env: Record<string, string | undefined>
  platform: string
}): RendererSource {
  const windows = opts.platform === 'win32'
  const p = windows ? path.win32 : path.posix
  // A packaged app loads only what it carries: a variable set on the clerk's machine must not point it at a server.
  const devUrl = !opts.isPackaged && opts.env.ELECTRON_RENDERER_URL ? opts.env.ELECTRON_RENDERER_URL : null
  return { file: p.join(opts.appDir, '..', 'renderer', 'index.html'), devUrl, windows }
}

/**
 * The file a file: URL names, as a path of the given platform, or null when it names none: Windows drive and
 * UNC URLs on win32 (`file:///C:/…`, `file://server/share/…`), percent-encoded spaces and Chinese decoded.
 */
export function fileOfUrl(url: string, windows: boolean): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'file:') return null
  try {
    return fileURLToPath(parsed, { windows })
  } catch {
    // An encoded slash, or a host on a platform without UNC paths.
    return null
  }
}

/** Same file on that platform: Windows paths compare without regard to case or slash direction. */
export function samePath(a: string, b: string, windows: boolean): boolean {
  if (!windows) return path.posix.resolve(a) === path.posix.resolve(b)
  return path.win32.resolve(a).toLowerCase() === path.win32.resolve(b).toLowerCase()
}

/** A page of this app: the built index.html (any route or query on it), or the dev server's origin. */
export function isOwnPage(url: string, source: RendererSource): boolean {
  if (source.devUrl) {
    try {
      return new URL(url).origin === new URL(source.devUrl).origin
    } catch {
      return false
    }
  }
  const file = fileOfUrl(url, source.windows)
  return file !== null && samePath(file, source.file, source.windows)
}
