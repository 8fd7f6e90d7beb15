import type { Api } from '../../../main/api'
import type { Bridge } from '../../../shared/ipc'
import type { AppError, Result } from '../../../shared/result'

export type { Api }

type Invoke = (name: string, input: unknown) => Promise<unknown>

declare global {
  interface Window {
    api?: Bridge
  }
}

const TOKEN_KEY = 'huanjie.token'
const TOKEN_HEADER = 'x-huanjie-token'

/** Browser mode: the token arrives once in the address; keep it for this tab and take it out of sight. */
function browserToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

function httpInvoke(): Invoke {
  const token = browserToken()
  return async (name, input) => {
    try {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: input === undefined ? '' : JSON.stringify(input)
      })
      return await res.json()
    } catch {
      return { ok: false, error: { code: 'offline', message: '无法连接到换届工作台服务，请确认它仍在运行后刷新页面' } }
    }
  }
}

/** A typed stand-in for the API object: `api.villages.list(q)` becomes invoke('villages.list', q). */
function createClient(invoke: Invoke): Api {
  const node = (path: string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_t, prop) => (typeof prop === 'string' && prop !== 'then' ? node([...path, prop]) : undefined),
      apply: (_t, _self, args: unknown[]) => invoke(path.join('.'), args[0])
    })
  return node([]) as Api
}

export const platform: 'electron' | 'browser' = window.api ? 'electron' : 'browser'

export const api: Api = createClient(window.api ? window.api.invoke : httpInvoke())

/** Thrown by `unwrap` so that hooks and handlers can treat an expected failure like any error. */
export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const r = await pending
  if (!r.ok) throw new ApiError(r.error)
  return r.value
}
