import { contextBridge, ipcRenderer } from 'electron'
import { API_CHANNEL } from '../shared/ipc'

const bridge = {
  invoke: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(API_CHANNEL, name, input),
  platform: 'electron' as const
}

contextBridge.exposeInMainWorld('api', bridge)

export type Bridge = typeof bridge
