import { z } from 'zod'
import { isIsoDate } from './dates'
import { checkIdNumber, normalizeIdNumber } from './idcard'

export const SEXES = ['男', '女'] as const

/** The core of a person record; the cadre-form details live beside it. */
export const personInput = z.object({
  idNumber: z
    .string()
    .nullable()
    .default(null)
    .transform((v) => (v === null || v.trim() === '' ? null : normalizeIdNumber(v))),
  name: z.string().trim().min(1, '姓名不能为空').max(50, '姓名不能超过50个字'),
  sex: z.enum(SEXES, { error: '性别应为“男”或“女”' }).nullable().default(null),
  birthDate: z.string().refine(isIsoDate, '出生日期格式应为 YYYY-MM-DD').nullable().default(null),
  ethnicity: z.string().trim().max(20).default(''),
  villageId: z.number().int().positive().nullable().default(null),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[\d\-+ ()]*$/, '联系电话只能包含数字和 - + ( )')
    .default('')
})

export type PersonInput = z.input<typeof personInput>
export type PersonData = z.output<typeof personInput>

export interface Person extends PersonData {
  id: number
  createdAt: string
  updatedAt: string
}

export const PERSON_LABELS: Record<keyof PersonData, string> = {
  idNumber: '公民身份号码',
  name: '姓名',
  sex: '性别',
  birthDate: '出生日期',
  ethnicity: '民族',
  villageId: '所在村社',
  phone: '联系电话'
}

/**
 * The ID decides birth date and sex. Missing ones are filled from it; ones that disagree are refused
 * field by field (field → Chinese reason). Returns the completed data or the problems.
 */
export function reconcileWithId(
  data: PersonData,
  today?: string
): { ok: true; value: PersonData } | { ok: false; fields: Record<string, string> } {
  if (data.idNumber === null) return { ok: true, value: data }
  const id = checkIdNumber(data.idNumber, today)
  if (!id.ok) return { ok: false, fields: { idNumber: id.reason } }
  const fields: Record<string, string> = {}
  if (data.sex !== null && data.sex !== id.sex) fields.sex = sexMismatch(id.sex)
  if (data.birthDate !== null && data.birthDate !== id.birthDate) fields.birthDate = birthMismatch(id.birthDate)
  if (Object.keys(fields).length > 0) return { ok: false, fields }
  return { ok: true, value: { ...data, idNumber: id.idNumber, sex: id.sex, birthDate: id.birthDate } }
}

export const sexMismatch = (idSex: string) => `性别与身份证号不符（身份证号为${idSex}性）`
export const birthMismatch = (idBirthDate: string) => `出生日期与身份证号不符（身份证号为${idBirthDate}）`
/** A roster of voters, candidates or members names people; renaming one is the persons register's business. */
export const nameMismatch = (idNumber: string, registered: string, given: string) =>
  `身份证号 ${idNumber} 已登记为“${registered}”，与所填姓名“${given}”不符`

/** Lists show only the first 6 and last 4 characters of an ID number. */
export function maskIdNumber(id: string | null): string {
  return id && id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : (id ?? '')
}
