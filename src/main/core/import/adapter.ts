import type { KindDef, RowAction } from '../../../shared/import'
import type { BodyService } from '../bodies'
import type { Clock } from '../clock'
import type { MemberService } from '../members'
import type { PersonService } from '../persons'
import type { Store } from '../store'
import type { VettingService } from '../vetting'
import type { VillageService } from '../villages'
import type { VoterService } from '../voters'

/** What the kinds write through: the registers with their own checks, and the store for their batched statements. */
export interface ImportRegisters {
  store: Store
  clock: Clock
  villages: VillageService
  persons: PersonService
  voters: VoterService
  members: MemberService
  vetting: VettingService
  bodies: BodyService
}

/** Coerced cell values of one row, by field key; only mapped fields are present, empty cells are null. */
export type Values = Record<string, unknown>

export interface FieldProblem {
  /** The field the problem is about, so it can be reported under that field's column. */
  field: string
  message: string
}

export type Built<R> = { ok: true; record: R } | { ok: false; problems: FieldProblem[] }

export interface BuildContext {
  today: string
  /** The village chosen for the whole file (CLI --village, or the page's choice). */
  villageId: number | null
  /** A village's id by its name in the register, or null. */
  villageByName(name: string): number | null
  /** Values chosen once for the whole file (届别), by field: a row's own cell, when the file has the column, comes first. */
  fileValues: Record<string, string>
}

export interface Planned {
  action: RowAction
  /** The existing record the row updates or leaves unchanged. */
  targetId: number | null
  /** A conflict with the register (another record already holds this code …), which refuses the import. */
  problem?: FieldProblem
}

/** How one kind's rows meet its register. Both steps run inside the import's one transaction at commit. */
export interface Register<R, P extends Planned = Planned> {
  plan(records: R[]): P[]
  /** Gets the plan made in the same transaction, with whatever the kind looked up for it. */
  write(records: R[], plan: P[]): void
  /**
   * Each record meets the register alone (no two records of a file touch the same row, no record's plan
   * depends on another's write): the records may be planned and written a chunk at a time.
   */
  chunked?: boolean
}

/**
 * One kind of roster. The mechanism (reading, header, mapping, coercion, duplicates, preview, transaction,
 * audit) is shared; a kind says only how a row becomes a record and how records meet the register.
 */
export interface KindAdapter<R = unknown, P extends Planned = Planned> {
  def: KindDef
  build(values: Values, ctx: BuildContext): Built<R>
  /** Rows with the same key are the same record; the later one is reported as a duplicate of the first. */
  identity(record: R): { field: string; key: string } | null
  register: Register<R, P>
  /**
   * Why no file of this kind can be read into the chosen village (its election day is not set …) or with the
   * values given for the whole file (a 回执 without its department or dated after today), or null.
   */
  refuse?(villageId: number | null, fileValues: Record<string, string>): string | null
}
