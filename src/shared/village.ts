import { z } from 'zod'
import { isIsoDate } from './dates'

export const VILLAGE_KINDS = ['村', '社区'] as const
export const VILLAGE_GRADES = ['重难点村', '一般村', '平稳村'] as const
export type VillageKind = (typeof VILLAGE_KINDS)[number]
export type VillageGrade = (typeof VILLAGE_GRADES)[number]

/** The law fixes the villagers' committee at 3–7 members (村民委员会组织法 第六条). */
export const COMMITTEE_SEATS = { min: 3, max: 7 } as const
export const PARTY_SEATS = { min: 1, max: 9 } as const

/**
 * 12-digit 统计用区划代码: 6-digit county, 3-digit township, 3-digit village level.
 * Returns a Chinese reason when the code cannot be a village-level code, or null.
 */
export function divisionCodeProblem(code: string): string | null {
  if (!/^\d{12}$/.test(code)) return '行政区划代码应为12位数字'
  if (/^(\d\d)0000/.test(code) || code.startsWith('00')) return '行政区划代码的省/县部分不正确'
  if (code.slice(6, 9) === '000') return '行政区划代码的乡镇部分(第7–9位)不能为000'
  if (code.slice(9) === '000') return '行政区划代码的村级部分(第10–12位)不能为000'
  return null
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过${max}个字`)
const count = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(10_000_000, `${label}过大`)
    .nullable()
const date = z
  .string()
  .refine(isIsoDate, '日期格式应为 YYYY-MM-DD')
  .nullable()

export const villageInput = z
  .object({
    name: text(50).min(1, '名称不能为空'),
    kind: z.enum(VILLAGE_KINDS, { error: '类型应为“村”或“社区”' }),
    township: text(50).default(''),
    divisionCode: z
      .string()
      .trim()
      .nullable()
      .default(null)
      .transform((v) => (v === '' ? null : v))
      .superRefine((v, ctx) => {
        const problem = v === null ? null : divisionCodeProblem(v)
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      }),
    households: count('户数').default(null),
    population: count('人口').default(null),
    partyMembers: count('党员数').default(null),
    partySeats: z
      .number({ error: '党组织职数应为数字' })
      .int('党组织职数应为整数')
      .min(PARTY_SEATS.min, `党组织职数应在${PARTY_SEATS.min}–${PARTY_SEATS.max}之间`)
      .max(PARTY_SEATS.max, `党组织职数应在${PARTY_SEATS.min}–${PARTY_SEATS.max}之间`)
      .nullable()
      .default(null),
    committeeSeats: z
      .number({ error: '村(居)委会职数应为数字' })
      .int('村(居)委会职数应为整数')
      .min(COMMITTEE_SEATS.min, '村(居)委会由主任、副主任和委员共3至7人组成')
      .max(COMMITTEE_SEATS.max, '村(居)委会由主任、副主任和委员共3至7人组成')
      .nullable()
      .default(null),
    grade: z.enum(VILLAGE_GRADES, { error: '分级应为重难点村、一般村或平稳村' }).default('一般村'),
    leader: text(50).default(''),
    residentCadre: text(50).default(''),
    firstSecretary: text(50).default(''),
    partyElectionDate: date.default(null),
    committeeElectionDate: date.default(null),
    note: text(1000).default('')
  })
  .superRefine((v, ctx) => {
    if (v.population !== null && v.partyMembers !== null && v.partyMembers > v.population) {
      ctx.addIssue({ code: 'custom', path: ['partyMembers'], message: '党员数不能多于人口' })
    }
    if (v.population !== null && v.households !== null && v.households > v.population) {
      ctx.addIssue({ code: 'custom', path: ['households'], message: '户数不能多于人口' })
    }
  })

export type VillageInput = z.input<typeof villageInput>
export type VillageData = z.output<typeof villageInput>

export interface Village extends VillageData {
  id: number
  createdAt: string
  updatedAt: string
}

export const villageQuery = z
  .object({
    search: z.string().trim().max(50).default(''),
    grade: z.enum(VILLAGE_GRADES).nullable().default(null),
    kind: z.enum(VILLAGE_KINDS).nullable().default(null)
  })
  .default({ search: '', grade: null, kind: null })

export type VillageQuery = z.input<typeof villageQuery>

/** Labels shown in forms, tables and error messages. */
export const VILLAGE_LABELS: Record<keyof VillageData, string> = {
  name: '名称',
  kind: '类型',
  township: '所属乡镇',
  divisionCode: '行政区划代码',
  households: '户数',
  population: '人口',
  partyMembers: '党员数',
  partySeats: '党组织职数',
  committeeSeats: '村(居)委会职数',
  grade: '分级',
  leader: '包村领导',
  residentCadre: '驻村干部',
  firstSecretary: '第一书记',
  partyElectionDate: '党组织换届日期',
  committeeElectionDate: '村(居)委会选举日期',
  note: '备注'
}
