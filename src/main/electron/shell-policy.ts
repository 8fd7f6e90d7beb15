import { isOwnPage, type RendererSource } from './own-page'

/**
 * What the window may do, as plain decisions main.ts applies: it shows its own pages and nothing else,
 * opens no windows (not even in the clerk's browser: the app works offline and links nowhere), and gets
 * no camera, microphone, location, notifications or any other permission.
 */
export function mayNavigate(url: string, source: RendererSource): boolean {
  return isOwnPage(url, source)
}

export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' }
}

export function permissionGranted(): boolean {
  return false
}

/** An API call is answered only for the window's own top frame showing an own page. */
export function senderAllowed(frame: { url: string } | null, isMainFrame: boolean, source: RendererSource): boolean {
  return frame !== null && isMainFrame && isOwnPage(frame.url, source)
}
