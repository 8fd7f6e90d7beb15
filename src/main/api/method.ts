import { z } from 'zod'
import { AppFailure, fail, type Result } from '../../shared/result'
import { parseInput } from '../../shared/validation'

/**
 * One API method: input checked by zod at the boundary, expected failures (AppFailure) returned as values,
 * anything unexpected logged and reported in Chinese without a stack trace.
 */
export function method<S extends z.ZodType, O>(
  schema: S,
  fn: (input: z.output<S>) => O | Promise<O>,
  labels: Record<string, string> = {}
): (input: z.input<S>) => Promise<Result<Awaited<O>>> {
  return async (input) => {
    const parsed = parseInput(schema, input, labels)
    if (!parsed.ok) return parsed
    try {
      return { ok: true, value: await fn(parsed.value) }
    } catch (e) {
      return toFailure(e)
    }
  }
}

/** Methods that take nothing. */
export function query<O>(fn: () => O | Promise<O>): (input?: void) => Promise<Result<Awaited<O>>> {
  return method(z.unknown(), () => fn()) as (input?: void) => Promise<Result<Awaited<O>>>
}

export function toFailure(e: unknown): Result<never> {
  if (e instanceof AppFailure) return { ok: false, error: e.error }
  const err = e as { code?: string; message?: string }
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) {
    return fail('conflict', `数据不符合登记规则，未保存（${err.message}）`)
  }
  if (err?.code === 'SQLITE_BUSY') return fail('busy', '数据库正被其他程序占用，请稍后再试')
  console.error(e)
  return fail('internal', `程序内部错误，操作未完成：${err?.message ?? String(e)}`)
}

type AnyFn = (input: unknown) => Promise<Result<unknown>>

/** Finds "villages.list" in the API object; only plain own properties, never the prototype. */
export function resolveMethod(api: object, name: string): AnyFn | undefined {
  if (typeof name !== 'string' || !/^[a-zA-Z]+(\.[a-zA-Z]+)*$/.test(name)) return undefined
  let node: unknown = api
  for (const part of name.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'function' ? (node as AnyFn) : undefined
}

export async function dispatch(api: object, name: string, input: unknown): Promise<Result<unknown>> {
  const fn = resolveMethod(api, name)
  if (!fn) return fail('not_found', `未知的接口：${String(name)}`)
  try {
    return await fn(input)
  } catch (e) {
    return toFailure(e)
  }
}
