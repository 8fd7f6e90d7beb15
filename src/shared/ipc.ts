/** The one IPC channel between renderer and main; the method name and its input travel on it. */
export const API_CHANNEL = 'huanjie:api'
