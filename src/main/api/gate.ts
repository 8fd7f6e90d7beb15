import crypto from 'node:crypto'
import { z } from 'zod'
import { ACCOUNT_LABELS, accountInput, accountName, accountUpdate, credentials, NEED_LABELS, password, passwordReset, roleAllows, type Account, type Need } from '../../shared/accounts'
import { fail, failure, type Result } from '../../shared/result'
import { idleMinutesSetting } from '../../shared/settings'
import { actAs } from '../core/acting-account'
import type { Clock } from '../core/clock'
import {
  convertPlainRegister,
  createEncryptedRegister,
  dataKeyFor,
  dataKeyFromRecovery,
  openEncryptedRegister,
  registerState,
  removeAccountSlot,
  setAccountPassword,
  type StoreOptions
} from '../core/encrypted-register'
import { buildServices, type Services } from '../core/services'
import type { BackupResult, Store } from '../core/store'
import { LoginAttempts } from './login-attempts'
import { needOf } from './access'
import { apiOf, type Api } from './index'
import { dispatch, method, query, toFailure } from './method'
import { checkInputVillages, limitToVillages } from './village-scope'

interface Session {
  account: string
  lastSeen: number
  locked: boolean
}

export interface GateOptions extends StoreOptions {
  clock: Clock
}

export { type StoreOptions }

const setupInput = z.object({ name: accountName, password })
const recoverInput = z.object({ recoveryKey: z.string().min(1, '请填写恢复密钥').max(100), account: accountName, password })

/**
 * The API's boundary for both transports (IPC and HTTP): nothing reaches a method without a session of a signed-in
 * account whose role allows what the method needs (api/access.ts), the register opens only with a password, every
 * write is recorded under the account's name, and a window left idle is locked until the same password is given.
 * A refused call changes nothing and says why in Chinese.
 */
export class Gate {
  private store?: Store
  private services?: Services
  private api?: Api
  private readonly sessions = new Map<string, Session>()
  private readonly attempts: LoginAttempts

  constructor(
    readonly file: string,
    private readonly options: GateOptions
  ) {
    this.attempts = new LoginAttempts(file, options.clock)
  }

  /** What the first page shows: set up a new register (or convert a plain one), or sign in. */
  status(): { register: 'missing' | 'plain' | 'encrypted'; open: boolean } {
    return { register: registerState(this.file), open: this.store !== undefined }
  }

  /** What a window may call before (and around) signing in: `session.*`. */
  private sessionApi(sessionId: string | undefined) {
    return {
      status: query(() => this.status()),
      /** First start: the 管理员 account on a new register, or on a plain register of the previous version (converted). */
      setup: method(setupInput, (who) => {
        const state = registerState(this.file)
        if (state === 'encrypted') throw failure('conflict', '数据库已设置过管理员，请直接登录')
        const first = { account: who.name, password: who.password }
        const made = state === 'missing' ? createEncryptedRegister(this.file, first, this.options) : convertPlainRegister(this.file, first, this.options)
        this.opened(made.store, made.key)
        const account = actAs(who.name, () => this.services!.accounts.create({ name: who.name, role: '管理员', villageIds: [] }))
        return { session: this.startSession(account.name), account, recoveryKey: made.recoveryKey }
      }, ACCOUNT_LABELS),
      login: method(credentials, (who) => {
        const key = this.checkPassword(who.account, who.password)
        if (!this.store) this.opened(openEncryptedRegister(this.file, key, this.options), key)
        const account = this.accountNamed(who.account)
        actAs(account.name, () => this.services!.accounts.record('login', 'account', `“${account.name}”登录`, account.id))
        return { session: this.startSession(account.name), account }
      }, ACCOUNT_LABELS),
      /** Every password forgotten: the recovery key sets a new password for a named account. */
      recover: method(recoverInput, (r) => {
        this.attempts.refuseWhileWaiting(RECOVERY)
        const key = dataKeyFromRecovery(this.file, r.recoveryKey)
        if (!key) {
          this.attempts.failed(RECOVERY)
          throw failure('unauthorized', '恢复密钥不正确，数据库没有改动')
        }
        this.attempts.succeeded(RECOVERY)
        if (!this.store) this.opened(openEncryptedRegister(this.file, key, this.options), key)
        const account = this.accountNamed(r.account)
        setAccountPassword(this.file, key, account.name, r.password)
        this.services!.accounts.record('recover', 'account', `用恢复密钥重设“${account.name}”的密码`, account.id)
        return { session: this.startSession(account.name), account }
      }, ACCOUNT_LABELS),
      /** After the idle lock: the same account's password opens the window again. */
      unlock: method(z.object({ password: z.string().min(1, '请填写密码').max(200) }), ({ password: given }) => {
        const s = sessionId ? this.sessions.get(sessionId) : undefined
        if (!s) throw failure('unauthorized', '请先登录')
        this.checkPassword(s.account, given)
        s.locked = false
        s.lastSeen = this.nowMs()
        return { account: this.accountNamed(s.account) }
      }),
      logout: query(() => {
        if (sessionId) this.sessions.delete(sessionId)
        return null
      }),
      /** The signed-in account, for the window: its role decides which buttons it shows. */
      me: query(() => {
        const s = sessionId ? this.sessions.get(sessionId) : undefined
        if (!s || !this.services) return null
        return { account: this.accountNamed(s.account), idleMinutes: this.idleMinutes(), locked: s.locked }
      })
    }
  }

  /** Every call of the window: session, idle lock, role, villages, then the method, run as the account. */
  async call(sessionId: string | undefined, name: string, input: unknown): Promise<Result<unknown>> {
    if (name.startsWith('session.')) return dispatch(this.sessionApi(sessionId), name.slice('session.'.length), input)
    const s = sessionId ? this.sessions.get(sessionId) : undefined
    if (!s || !this.api || !this.services) return fail('unauthorized', '请先登录')
    const now = this.nowMs()
    if (s.locked || now - s.lastSeen > this.idleMinutes() * 60_000) {
      s.locked = true
      return fail('locked', '长时间未操作，窗口已锁定，请输入密码继续')
    }
    s.lastSeen = now
    const account = this.services.accounts.byName(s.account)
    if (!account) {
      this.sessions.delete(sessionId!)
      return fail('unauthorized', '账号已被删除，请重新登录')
    }
    const need = name.startsWith('accounts.') ? ownProperty(ACCOUNTS_ACCESS, name.slice('accounts.'.length)) : needOf(name)
    if (!need) return fail('not_found', `未知的接口：${String(name)}`)
    if (!roleAllows(account.role, need)) {
      return fail('forbidden', `您的账号（${account.role}）没有“${NEED_LABELS[need]}”的权限，操作未执行`)
    }
    const allowed = account.villageIds.length > 0 ? new Set(account.villageIds) : null
    return actAs(account.name, async () => {
      try {
        const checked = allowed ? checkInputVillages(input, allowed, name) : input
        const target = name.startsWith('accounts.') ? this.accountsApi(account) : this.api!
        const result = await dispatch(target, name.startsWith('accounts.') ? name.slice('accounts.'.length) : name, checked)
        if (result.ok && need === 'export') this.recordExport(name, checked)
        return result.ok && allowed ? { ok: true as const, value: limitToVillages(result.value, allowed, name.startsWith('villages.')) } : result
      } catch (e) {
        return toFailure(e)
      }
    })
  }

  /** 文件 → 备份数据库… of the desktop menu: 管理员 only, recorded under its name; the copy is encrypted and carries its slots. */
  async backup(sessionId: string | undefined, out: string): Promise<Result<BackupResult>> {
    const s = sessionId ? this.sessions.get(sessionId) : undefined
    const account = s && !s.locked ? this.services?.accounts.byName(s.account) : undefined
    if (!account || !this.store) return fail('unauthorized', '请先登录')
    if (!roleAllows(account.role, 'admin')) return fail('forbidden', `您的账号（${account.role}）不能备份数据库，请由管理员备份`)
    try {
      return { ok: true, value: await actAs(account.name, () => this.store!.backupTo(out)) }
    } catch (e) {
      return toFailure(e)
    }
  }

  close(): void {
    this.store?.close()
  }

  /** 管理员's account management; every password is set here as a slot and never stored or shown. */
  private accountsApi(me: Account) {
    const accounts = this.services!.accounts
    const key = (): Buffer => this.dataKey!
    return {
      list: query(() => accounts.list()),
      create: method(accountInput, (a) => {
        const created = accounts.create(a)
        setAccountPassword(this.file, key(), a.name, a.password)
        return created
      }),
      update: method(accountUpdate, (a) => accounts.update(a)),
      resetPassword: method(passwordReset, (r) => {
        const target = accounts.require(r.name)
        setAccountPassword(this.file, key(), r.name, r.password)
        accounts.record('reset_password', 'account', `重设“${r.name}”的密码`, target.id)
        return null
      }),
      remove: method(z.object({ name: accountName }), ({ name }) => {
        if (name === me.name) throw failure('conflict', '不能删除自己正在使用的账号')
        const removed = accounts.remove(name)
        removeAccountSlot(this.file, name)
        for (const [id, s] of this.sessions) if (s.account === name) this.sessions.delete(id)
        return removed
      }),
      changeOwnPassword: method(z.object({ oldPassword: z.string().min(1).max(200), password }), (p) => {
        const k = this.checkPassword(me.name, p.oldPassword)
        setAccountPassword(this.file, k, me.name, p.password)
        accounts.record('change_password', 'account', `“${me.name}”修改了自己的密码`, me.id)
        return null
      })
    }
  }

  /** The data key of the open register: a slot is wrapped anew from it (a new account, a reset password). */
  private dataKey?: Buffer

  private checkPassword(account: string, given: string): Buffer {
    this.attempts.refuseWhileWaiting(account)
    const key = dataKeyFor(this.file, { account, password: given })
    if (!key) {
      const n = this.attempts.failed(account)
      if (this.services) actAs(account, () => this.services!.accounts.record('login_failed', 'account', `“${account}”密码错误（连续第 ${n} 次）`, account))
      throw failure('unauthorized', '账号或密码不正确')
    }
    const missed = this.attempts.succeeded(account)
    if (missed > 0 && this.services) actAs(account, () => this.services!.accounts.record('login_failed', 'account', `“${account}”登录前密码连续错误 ${missed} 次`, account))
    return key
  }

  private opened(store: Store, key: Buffer): void {
    this.store = store
    this.dataKey = key
    this.services = buildServices(store, this.options.clock)
    this.api = apiOf(this.services)
  }

  private accountNamed(name: string): Account {
    const account = this.services!.accounts.byName(name)
    if (!account) throw failure('unauthorized', '账号或密码不正确')
    return account
  }

  private startSession(account: string): string {
    const id = crypto.randomBytes(24).toString('base64url')
    this.sessions.set(id, { account, lastSeen: this.nowMs(), locked: false })
    return id
  }

  private recordExport(name: string, input: unknown): void {
    const i = (input ?? {}) as { table?: unknown; format?: unknown; villageId?: unknown }
    const what = typeof i.table === 'string' ? i.table : name
    this.services!.accounts.record('export', 'export', `导出 ${what}${typeof i.format === 'string' ? `（${i.format}）` : ''}`, what, {
      method: name,
      table: i.table ?? null,
      villageId: i.villageId ?? null
    })
  }

  private idleMinutes(): number {
    return this.services!.settings.get(idleMinutesSetting)
  }

  private nowMs(): number {
    return Date.parse(this.options.clock.now())
  }
}

/** What 管理员's account pages call (`accounts.*`), declared like every other method. */
export const ACCOUNTS_ACCESS: Record<string, Need> = {
  list: 'admin',
  create: 'admin',
  update: 'admin',
  resetPassword: 'admin',
  remove: 'admin',
  changeOwnPassword: 'read'
}

function ownProperty<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined
}

const RECOVERY = '（恢复密钥）'
