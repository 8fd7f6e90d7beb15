import { platform } from './client'

export interface PickedFile {
  name: string
  size: number
  /** File content, base64, as the API takes binary input. */
  base64: string
}

function toBase64(bytes: Uint8Array): string {
  let s = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(s)
}

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64)
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i)
  return out
}

/** The file chooser is the same in both modes (Electron shows its native dialog for <input type=file>). */
export function pickFile(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    input.addEventListener('change', async () => {
      const file = input.files?.[0]
      input.remove()
      if (!file) return resolve(null)
      const bytes = new Uint8Array(await file.arrayBuffer())
      resolve({ name: file.name, size: file.size, base64: toBase64(bytes) })
    })
    input.addEventListener('cancel', () => {
      input.remove()
      resolve(null)
    })
    document.body.appendChild(input)
    input.click()
  })
}

export { fromBase64, toBase64 }

/**
 * Saves bytes under a proposed file name: the native save dialog in Electron, a download in the browser.
 * Returns false when the user cancelled the dialog.
 */
export async function saveFile(name: string, base64: string, mime: string): Promise<boolean> {
  if (platform === 'electron' && window.api) return (await window.api.saveFile(name, base64)).saved
  const url = URL.createObjectURL(new Blob([fromBase64(base64)], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return true
}
