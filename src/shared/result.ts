/**
 * Expected failures travel as values, not exceptions, so the UI can show them
 * (a field, a row, a reason in Chinese) without parsing thrown strings.
 */
/** Every code a failure may carry; the UI may branch on them, so they are stable. */
export type ErrorCode =
  // Wrong input, or a record that does not allow the step.
  | 'validation'
  | 'not_found'
  | 'conflict'
  // An add that names a record already there (AppError.existing says which).
  | 'exists'
  | 'in_use'
  | 'out_of_order'
  | 'empty'
  | 'import_rejected'
  | 'unreadable_file'
  // The register or the program.
  | 'busy'
  | 'internal'
  // The file itself: a full disk, a read-only or damaged file, a failed read or write, a backup that did not check out.
  | 'disk_full'
  | 'read_only'
  | 'corrupt'
  | 'io'
  | 'backup_damaged'
  // The transports.
  | 'unauthorized'
  | 'forbidden'
  // Signed in, but the window was left idle: the same account's password opens it again.
  | 'locked'
  | 'method'
  | 'too_large'
  | 'bad_request'
  | 'offline'

export interface AppError {
  /** Stable machine code. */
  code: ErrorCode
  /** Chinese message a clerk can act on. */
  message: string
  /** Field-level problems: field name → Chinese reason. */
  fields?: Record<string, string>
  /** The record an add collided with, so the UI can offer to open it instead. */
  existing?: { kind: 'voter' | 'person' | 'village'; id: number }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message }
})

/** Thrown inside services to abort a transaction; the API boundary turns it into a Result. */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
  }
}

export const failure = (code: ErrorCode, message: string, fields?: Record<string, string>): AppFailure =>
  new AppFailure(fields ? { code, message, fields } : { code, message })

/** An add refused because the record is already there: says which, so the clerk can open it. */
export const alreadyThere = (message: string, existing: NonNullable<AppError['existing']>, fields?: Record<string, string>): AppFailure =>
  new AppFailure({ code: 'exists', message, ...(fields ? { fields } : {}), existing })
