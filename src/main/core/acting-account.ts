import { AsyncLocalStorage } from 'node:async_hooks'
import os from 'node:os'

/**
 * The account on whose behalf the current call runs, set by the API boundary for the call and everything it starts
 * (a job's later batches too): the audit log names it. Outside a call (the CLI, tests) the store's own actor stands.
 */
const acting = new AsyncLocalStorage<string>()

export const actingAccount = (): string | undefined => acting.getStore()

export function actAs<T>(account: string, fn: () => T): T {
  return acting.run(account, fn)
}

/** Who acts where no account does (the CLI on a plain register, tests): the operating-system user. */
export function defaultActor(): string {
  try {
    return os.userInfo().username || '本机用户'
  } catch {
    return '本机用户'
  }
}
