import { z } from 'zod'
import { personInput, type Person } from './person'

/** The cadre record beyond the person core: the fields of the 干部任免审批表 / 人选登记表. */

export const EDUCATION_LEVELS = ['初中及以下', '高中', '中专', '大专', '本科', '研究生'] as const
export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '群众', '民主党派'] as const
export const DEFAULT_TAGS = ['退役军人', '返乡大学生', '致富带头人', '本土人才', '后备干部', '现任干部'] as const

/** Photos live in the database; a passport photo fits easily in this. */
export const PHOTO_MAX_BYTES = 1024 * 1024
export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const

/** 出生年月, 入党时间 and the like as cadre forms write them: 1980.05 */
export const YEAR_MONTH = /^(19|20)\d{2}\.(0[1-9]|1[0-2])$/

const text = (max: number) => z.string().trim().max(max, `不能超过${max}个字`).default('')
const yearMonth = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || YEAR_MONTH.test(v), '应写作“年.月”，如 1998.09')

const education = z
  .object({
    level: z.enum(EDUCATION_LEVELS, { error: '学历应从列表中选择' }).nullable().default(null),
    degree: text(30),
    school: text(100)
  })
  .default({ level: null, degree: '', school: '' })

export const profileInput = z.object({
  nativePlace: text(50),
  birthPlace: text(50),
  politicalStatus: z.enum(POLITICAL_STATUSES, { error: '政治面貌应从列表中选择' }).nullable().default(null),
  partyJoined: yearMonth,
  workStarted: yearMonth,
  health: text(30),
  fullTimeEducation: education,
  inServiceEducation: education,
  professionalTitle: text(50),
  specialty: text(200),
  currentPosition: text(100),
  rewards: text(2000),
  appraisals: text(1000)
})

export const resumeLine = z
  .object({
    start: yearMonth.refine((v) => v !== '', '请填写起始年月'),
    end: yearMonth,
    text: z.string().trim().min(1, '请填写经历').max(200, '不能超过200个字')
  })
  .refine((l) => l.end === '' || l.end >= l.start, { path: ['end'], message: '截止年月早于起始年月' })

export const familyMember = z.object({
  relation: z.string().trim().min(1, '请填写称谓').max(20),
  name: z.string().trim().min(1, '请填写姓名').max(50),
  birthYearMonth: yearMonth,
  politicalStatus: text(20),
  workUnit: text(200)
})

export const tagList = z
  .array(z.string().trim().min(1).max(20, '标签不能超过20个字'))
  .max(20, '标签不能超过20个')
  .default([])
  .transform((tags) => [...new Set(tags)])

/** One form saves the whole record in one transaction: core, details, resume, family, tags. */
export const personRecordInput = z.object({
  person: personInput,
  profile: profileInput.default(profileInput.parse({})),
  resume: z.array(resumeLine).max(60, '简历不能超过60行').default([]),
  family: z.array(familyMember).max(30, '家庭成员不能超过30人').default([]),
  tags: tagList
})

export type ProfileData = z.output<typeof profileInput>
export type ResumeLine = z.output<typeof resumeLine>
export type FamilyMember = z.output<typeof familyMember>
export type PersonRecordInput = z.input<typeof personRecordInput>
export type PersonRecordData = z.output<typeof personRecordInput>

export const personQuery = z
  .object({
    search: z.string().trim().max(50).default(''),
    villageId: z.number().int().positive().nullable().default(null),
    tag: z.string().trim().max(20).nullable().default(null)
  })
  .default({ search: '', villageId: null, tag: null })

export const photoInput = z.object({ id: z.number().int().positive(), base64: z.string().max(2_000_000, '照片过大') })

export interface PersonRecord {
  person: Person
  profile: ProfileData
  resume: ResumeLine[]
  family: FamilyMember[]
  tags: string[]
  hasPhoto: boolean
}

export const PROFILE_LABELS: Record<string, string> = {
  nativePlace: '籍贯',
  birthPlace: '出生地',
  politicalStatus: '政治面貌',
  partyJoined: '入党时间',
  workStarted: '参加工作时间',
  health: '健康状况',
  fullTimeEducation: '全日制教育',
  inServiceEducation: '在职教育',
  professionalTitle: '专业技术职务',
  specialty: '熟悉专业有何专长',
  currentPosition: '现任职务',
  rewards: '奖惩情况',
  appraisals: '年度考核结果'
}

/** Checks a photo's bytes, not just its claimed type: returns the type or a Chinese reason. */
export function photoType(bytes: Uint8Array): { ok: true; mime: (typeof PHOTO_TYPES)[number] } | { ok: false; reason: string } {
  if (bytes.length === 0) return { ok: false, reason: '照片文件为空' }
  if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, reason: `照片不能超过${PHOTO_MAX_BYTES / 1024}KB，请压缩后再上传` }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { ok: true, mime: 'image/jpeg' }
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return { ok: true, mime: 'image/png' }
  return { ok: false, reason: '照片应为 JPEG 或 PNG 格式' }
}
