/**
 * Expected failures travel as values, not exceptions, so the UI can show them
 * (a field, a row, a reason in Chinese) without parsing thrown strings.
 */
export interface AppError {
  /** Stable machine code, e.g. 'validation', 'not_found', 'conflict', 'in_use'. */
  code: string
  /** Chinese message a clerk can act on. */
  message: string
  /** Field-level problems: field name → Chinese reason. */
  fields?: Record<string, string>
  /** The record an add collided with, so the UI can offer to open it instead. */
  existing?: { kind: 'voter' | 'person' | 'village'; id: number }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: string, message: string, fields?: Record<string, string>): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message }
})

/** Thrown inside services to abort a transaction; the API boundary turns it into a Result. */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
  }
}

export const failure = (code: string, message: string, fields?: Record<string, string>): AppFailure =>
  new AppFailure(fields ? { code, message, fields } : { code, message })

/** An add refused because the record is already there: says which, so the clerk can open it. */
export const alreadyThere = (message: string, existing: NonNullable<AppError['existing']>, fields?: Record<string, string>): AppFailure =>
  new AppFailure({ code: 'exists', message, ...(fields ? { fields } : {}), existing })
