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
const SESSION_KEY = 'huanjie.session'
const SESSION_HEADER = 'x-huanjie-session'

/** Browser mode: the signed-in account's session, kept for this tab (an address may also bring one, as the tests' does). */
function takeSessionFromUrl(): void {
  const url = new URL(window.location.href)
  const given = url.searchParams.get('session')
  if (!given) return
  sessionStorage.setItem(SESSION_KEY, given)
  url.searchParams.delete('session')
  window.history.replaceState(null, '', url.pathname + url.search + url.hash)
}

export function setSession(session: string | null): void {
  if (session) sessionStorage.setItem(SESSION_KEY, session)
  else sessionStorage.removeItem(SESSION_KEY)
}

/** Fired when the main process answers that the idle lock closed the window: the lock overlay opens. */
export const LOCKED_EVENT = 'huanjie:locked'

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
  takeSessionFromUrl()
  return async (name, input) => {
    try {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, [SESSION_HEADER]: sessionStorage.getItem(SESSION_KEY) ?? '' },
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

/** Every answer passes here: a locked session opens the lock overlay wherever the call came from. */
function watchingLock(invoke: Invoke): Invoke {
  return async (name, input) => {
    const r = (await invoke(name, input)) as { ok?: boolean; error?: { code?: string } }
    if (r && r.ok === false && r.error?.code === 'locked') window.dispatchEvent(new Event(LOCKED_EVENT))
    return r
  }
}

const invoke: Invoke = watchingLock(window.api ? window.api.invoke : httpInvoke())

export const api: Api = createClient(invoke)

/** The calls around signing in (api/gate.ts), outside the API object's type. */
export const session = {
  call: <T>(name: 'status' | 'setup' | 'login' | 'recover' | 'unlock' | 'logout' | 'me', input?: unknown) => invoke(`session.${name}`, input) as Promise<Result<T>>
}

/** 管理员's account management (accounts.*), outside the API object's type like the session. */
export const accounts = {
  call: <T>(name: 'list' | 'create' | 'update' | 'resetPassword' | 'remove' | 'changeOwnPassword', input?: unknown) => invoke(`accounts.${name}`, input) as Promise<Result<T>>
}

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
