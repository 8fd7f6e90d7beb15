import { contextBridge, ipcRenderer } from 'electron'
import { API_CHANNEL, SAVE_CHANNEL, type Bridge } from '../shared/ipc'

const bridge = {
  invoke: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(API_CHANNEL, name, input),
  saveFile: (name: string, base64: string): Promise<{ saved: boolean; path?: string }> =>
    ipcRenderer.invoke(SAVE_CHANNEL, name, base64),
  platform: 'electron'
} satisfies Bridge

contextBridge.exposeInMainWorld('api', bridge)
