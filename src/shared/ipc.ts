/** The one IPC channel between renderer and main; the method name and its input travel on it. */
export const API_CHANNEL = 'huanjie:api'

/** Saving a produced file goes through the shell's native save dialog, outside the API object. */
export const SAVE_CHANNEL = 'huanjie:save-file'

/** What the preload exposes as window.api in the desktop app; the renderer reads it through this type only. */
export interface Bridge {
  invoke(name: string, input: unknown): Promise<unknown>
  saveFile(name: string, base64: string): Promise<{ saved: boolean; path?: string }>
  platform: 'electron'
}
