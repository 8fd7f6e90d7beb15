/** The one IPC channel between renderer and main; the method name and its input travel on it. */
export const API_CHANNEL = 'huanjie:api'

/** Saving a produced file goes through the shell's native save dialog, outside the API object. */
export const SAVE_CHANNEL = 'huanjie:save-file'
