import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * The account on whose behalf the current call runs, set by the API boundary for the call and everything it starts
 * (a job's later batches too): the audit log names it. Outside a call (the CLI, tests) the store's own actor stands.
 */
const acting = new AsyncLocalStorage<string>()

export const actingAccount = (): string | undefined => acting.getStore()

export function actAs<T>(account: string, fn: () => T): T {
  return acting.run(account, fn)
}
