import { formYearMonth, idFacts, type Sex } from '../../../shared/idcard'
import { birthMismatch, nameMismatch, sexMismatch, type Person, type PersonData } from '../../../shared/person'
import type { PersonService } from '../persons'
import { searchKey } from '../search-key'
import type { BuildContext, Built, FieldProblem, Planned, Values } from './adapter'

/** The person part of any roster row (人员, 选民, 人选, 两委成员): who it is, checked against the ID. */
export interface PersonPart {
  idNumber: string
  name: string
  sex: Sex
  birthDate: string
  /** Undefined when the file gives no value (no column, or an empty cell): the register keeps what it has. */
  ethnicity?: string
  phone?: string
  villageId?: number | null
}

/**
 * The ID decides sex and birth date; a roster that says otherwise is wrong on that row. 出生年月 written as a
 * year and month (1980.05) is compared by month.
 */
export function personPart(values: Values, ctx: BuildContext): Built<PersonPart> {
  // The ID was checked when its cell was read.
  const idNumber = values.idNumber as string
  const id = idFacts(idNumber)
  const problems: FieldProblem[] = []
  const birth = values.birthDate as string | null | undefined
  const sex = values.sex as Sex | null | undefined
  if (sex && sex !== id.sex) problems.push({ field: 'sex', message: sexMismatch(id.sex) })
  if (birth && birth.length === 10 && birth !== id.birthDate) problems.push({ field: 'birthDate', message: birthMismatch(id.birthDate) })
  if (birth && birth.length === 7 && birth !== id.birthDate.slice(0, 7)) {
    problems.push({ field: 'birthDate', message: `出生年月与身份证号不符（身份证号为${formYearMonth(id.birthDate)}）` })
  }
  const part: PersonPart = { idNumber, name: String(values.name), sex: id.sex, birthDate: id.birthDate }
  if (values.ethnicity) part.ethnicity = values.ethnicity as string
  if (values.phone) part.phone = values.phone as string
  const village = villageOf(values, ctx)
  if (village.problem) problems.push(village.problem)
  if (village.id !== undefined) part.villageId = village.id
  return problems.length ? { ok: false, problems } : { ok: true, record: part }
}

/** A village column names a village of the register; without one, the village chosen for the file applies. */
export function villageOf(values: Values, ctx: BuildContext): { id?: number | null; problem?: FieldProblem } {
  const name = values.village as string | null | undefined
  if (name) {
    const id = ctx.villageByName(name)
    if (id === null) return { problem: { field: 'village', message: `村社“${name}”不在村社台账中，请先导入或新增该村社` } }
    return { id }
  }
  if (ctx.villageId !== null) return { id: ctx.villageId }
  return {}
}

export interface PersonPlan extends Planned {
  /** The registered person with this ID, when there is one. */
  before: Person | undefined
}

/**
 * The person part of a roster meeting the persons register: looked up by ID in batches, written with
 * prepared statements. A persons roster may rename a person; a roster of voters, candidates or members
 * naming a registered ID with another name is wrong on that row (a mistyped ID names someone else).
 */
export class PersonRows {
  private readonly keys = new Map<string, string>()

  constructor(private readonly persons: PersonService) {}

  plan(parts: PersonPart[], renames: boolean): PersonPlan[] {
    const existing = this.persons.findManyByIdNumber(parts.map((r) => r.idNumber))
    return parts.map((r): PersonPlan => {
      const before = existing.get(r.idNumber)
      if (!before) return { action: 'added', targetId: null, before }
      const targetId = before.id
      if (!renames && before.name !== r.name) {
        return { action: 'updated', targetId, before, problem: { field: 'name', message: nameMismatch(r.idNumber, before.name, r.name) } }
      }
      return { action: samePerson(merged(r, before), before) ? 'unchanged' : 'updated', targetId, before }
    })
  }

  /**
   * Writes the people that are new or changed; returns every row's person id. A member roster names a person
   * once per seat: the first of their rows writes them.
   */
  write(parts: PersonPart[], plans: PersonPlan[]): number[] {
    const written = new Map<string, number>()
    return parts.map((r, i) => {
      const done = written.get(r.idNumber)
      if (done !== undefined) return done
      const p = plans[i]
      let id = p.before?.id
      if (p.action === 'added') id = this.persons.insertRow(merged(r, undefined), this.keyOf(r.name))
      else if (p.action === 'updated') this.persons.updateRow(id!, merged(r, p.before), this.keyOf(r.name))
      written.set(r.idNumber, id!)
      return id!
    })
  }

  // Names repeat across a township; the pinyin key is the costly part of writing a person.
  private keyOf(name: string): string {
    let k = this.keys.get(name)
    if (k === undefined) this.keys.set(name, (k = searchKey(name)))
    return k
  }
}

/** What the register holds after the row: the file's values where it gives them, the register's elsewhere. */
function merged(r: PersonPart, before: PersonData | undefined): PersonData {
  return {
    idNumber: r.idNumber,
    name: r.name,
    sex: r.sex,
    birthDate: r.birthDate,
    ethnicity: r.ethnicity ?? before?.ethnicity ?? '',
    villageId: r.villageId !== undefined ? r.villageId : (before?.villageId ?? null),
    phone: r.phone ?? before?.phone ?? ''
  }
}

function samePerson(a: PersonData, b: PersonData): boolean {
  return (Object.keys(a) as (keyof PersonData)[]).every((k) => a[k] === b[k])
}

/** A village chosen for the file or named on the row; the rows of a candidate or member roster need one. */
export function requiredVillage(part: PersonPart): { id: number } | { problem: FieldProblem } {
  if (part.villageId == null) return { problem: { field: 'village', message: '请填写所在村社，或在导入时选择所属村社' } }
  return { id: part.villageId }
}

/** 1980-05 or 1980-05-01 as cadre forms write a month: 1980.05. */
export const yearMonthOf = (date: string): string => date.slice(0, 7).replace('-', '.')
