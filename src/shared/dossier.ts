import { ageOn, formYearMonth } from './idcard'

/** One line of 家庭主要成员及重要社会关系. */
export interface DossierRelative {
  relation: string
  name: string
  /** ISO date or 'YYYY-MM'; printed as 1980.05. */
  birthDate: string | null
  politicalStatus: string
  workplace: string
}

export interface DossierEducation {
  /** 学历 and 学位, e.g. 大学本科 / 学士 */
  level: string
  degree: string
  /** 毕业院校系及专业 */
  school: string
}

/**
 * Everything one 人选登记表 prints, as plain data. Whoever holds the records (the candidate register,
 * a test) fills it; the PDF module only lays it out. Dates are ISO ('YYYY-MM-DD' or 'YYYY-MM').
 */
export interface DossierData {
  name: string
  sex: string
  birthDate: string | null
  ethnicity: string
  nativePlace: string
  birthPlace: string
  partyJoinDate: string | null
  workStartDate: string | null
  health: string
  professionalTitle: string
  specialty: string
  fullTime: DossierEducation
  partTime: DossierEducation
  currentPost: string
  proposedPost: string
  /** 拟免职务 */
  dismissedPost: string
  /** 任免理由 */
  appointmentReason: string
  /** 简历, one line per period: "1998.09--2002.07  某某大学学生" */
  resume: string[]
  rewards: string
  appraisal: string
  family: DossierRelative[]
  /** 资格联审 / 考察 / 会审 results as the office writes them. */
  reviewResult: string
  inspectionResult: string
  jointReviewResult: string
  reportingUnit: string
  filledBy: string
  /** The form's reference date (the election day): age is counted on it. */
  referenceDate: string
  /** 填表时间; the reference date when not given. */
  filledOn: string
  /** 所在村(社区), for the cover list of a batch. */
  village: string
  /** Photo as a data URL (image/jpeg or image/png), or null for an empty photo box. */
  photo: string | null
}

const EMPTY_EDUCATION: DossierEducation = { level: '', degree: '', school: '' }

/** A form with only the given fields filled; the rest stays blank for handwriting. */
export function dossierOf(fields: Partial<DossierData> & Pick<DossierData, 'name' | 'referenceDate'>): DossierData {
  return {
    sex: '',
    birthDate: null,
    ethnicity: '',
    nativePlace: '',
    birthPlace: '',
    partyJoinDate: null,
    workStartDate: null,
    health: '',
    professionalTitle: '',
    specialty: '',
    fullTime: EMPTY_EDUCATION,
    partTime: EMPTY_EDUCATION,
    currentPost: '',
    proposedPost: '',
    dismissedPost: '',
    appointmentReason: '',
    resume: [],
    rewards: '',
    appraisal: '',
    family: [],
    reviewResult: '',
    inspectionResult: '',
    jointReviewResult: '',
    reportingUnit: '',
    filledBy: '',
    village: '',
    photo: null,
    ...fields,
    filledOn: fields.filledOn ?? fields.referenceDate
  }
}

/** 出生年月(岁) as the form writes it: "1980.05(45岁)", the age counted on the form's reference date. */
export function birthWithAge(d: Pick<DossierData, 'birthDate' | 'referenceDate'>): string {
  if (!d.birthDate) return ''
  const full = d.birthDate.length === 7 ? `${d.birthDate}-01` : d.birthDate
  return `${formYearMonth(d.birthDate)}(${ageOn(full, d.referenceDate)}岁)`
}

/** 2026-03-01 → 2026年3月1日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return d ? `${y}年${m}月${d}日` : `${y}年${m}月`
}
