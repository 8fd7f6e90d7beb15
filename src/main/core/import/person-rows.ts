import { formYearMonth, idFacts, type Sex } from '../../../shared/idcard'
import { birthMismatch, sexMismatch } from '../../../shared/person'
import type { BuildContext, Built, FieldProblem, Values } from './adapter'

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
