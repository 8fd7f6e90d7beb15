import { XMLBuilder, XMLParser } from 'fast-xml-parser'
import iconv from 'iconv-lite'
import { EDUCATION_LEVELS, type FamilyMember, type ProfileData, type ResumeLine } from '../../../shared/cadre'
import { resumeText } from './candidate-exports'

/**
 * The 干部任免审批表 file (.lrmx) that 组织部 tools exchange: one `<Person>`, its fields named in pinyin, in
 * the order the published writers emit them (checked against an open-source reader/writer of the format).
 */
export const LRMX_VERSION = '3.2.1.6'

/** One person's form as the file holds it; dates ISO ('YYYY-MM', 'YYYY-MM-DD'), empty where the file is empty. */
export interface LrmxPerson {
  name: string
  sex: string
  birthMonth: string
  ethnicity: string
  idNumber: string
  profile: Omit<ProfileData, 'politicalStatus'>
  resume: ResumeLine[]
  family: FamilyMember[]
  /** The form's occasion: 拟任职务 of a candidacy, 呈报单位, the day age is counted on, 填表时间, 填表人. */
  form: { proposedPost: string; reportingUnit: string; ageOn: string; filledOn: string; filledBy: string }
  photo: Buffer | null
}

/** 学历 as cadre forms write it, for the levels the register keeps. */
const LEVEL_WORDS: Record<(typeof EDUCATION_LEVELS)[number], string> = {
  初中及以下: '初中',
  高中: '高中',
  中专: '中专',
  大专: '大学专科',
  本科: '大学本科',
  研究生: '研究生'
}

/** A written 学历 back to the register's level: 大学本科, 本科, 硕士研究生 … */
export function levelOf(word: string): (typeof EDUCATION_LEVELS)[number] | null | undefined {
  const w = word.trim()
  if (!w) return null
  if (/研究生|硕士|博士/.test(w)) return '研究生'
  if (/本科|大学$/.test(w)) return '本科'
  if (/专科|大专|高职/.test(w)) return '大专'
  if (/中专|中技|技校|职高|中等专业/.test(w)) return '中专'
  if (/高中/.test(w)) return '高中'
  if (/初中|小学|文盲|以下/.test(w)) return '初中及以下'
  return undefined
}

const compact = (iso: string): string => iso.replaceAll('-', '')

/** yyyyMM, yyyy.MM, yyyy-MM, yyyy年M月 (and the same with a day) → ISO, or undefined when it is not a date. */
export function lrmxDate(raw: string, withDay = false): string | undefined {
  const v = raw.trim()
  if (!v) return ''
  const m = /^(\d{4})[.\-/年]?(\d{1,2})(?:[.\-/月]?(\d{1,2})日?)?月?$/.exec(v)
  if (!m || (m[2].length === 1 && !/[.\-/年]/.test(v))) return undefined
  const month = Number(m[2])
  const day = m[3] ? Number(m[3]) : null
  if (month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) return undefined
  const ym = `${m[1]}-${String(month).padStart(2, '0')}`
  return withDay && day !== null ? `${ym}-${String(day).padStart(2, '0')}` : ym
}

const dotted = (iso: string) => iso.replace('-', '.')

/** The file's text for one person, UTF-8 with its declaration. */
export function lrmxXml(p: LrmxPerson): string {
  const edu = (prefix: string, e: ProfileData['fullTimeEducation']) => ({
    [`${prefix}_XueLi`]: e.level ? LEVEL_WORDS[e.level] : '',
    [`${prefix}_XueWei`]: e.degree,
    [`${prefix}_XueLi_BiYeYuanXiaoXi`]: e.school,
    [`${prefix}_XueWei_BiYeYuanXiaoXi`]: e.degree ? e.school : ''
  })
  const ym = (dottedYm: string) => dottedYm.replace('.', '')
  const person = {
    XingMing: p.name,
    XingBie: p.sex,
    ChuShengNianYue: compact(p.birthMonth),
    MinZu: p.ethnicity,
    JiGuan: p.profile.nativePlace,
    ChuShengDi: p.profile.birthPlace,
    RuDangShiJian: ym(p.profile.partyJoined),
    CanJiaGongZuoShiJian: ym(p.profile.workStarted),
    JianKangZhuangKuang: p.profile.health,
    ZhuanYeJiShuZhiWu: p.profile.professionalTitle,
    ShuXiZhuanYeYouHeZhuanChang: p.profile.specialty,
    ...edu('QuanRiZhiJiaoYu', p.profile.fullTimeEducation),
    ...edu('ZaiZhiJiaoYu', p.profile.inServiceEducation),
    XianRenZhiWu: p.profile.currentPosition,
    JianLi: p.resume.map(resumeText).join('\r\n'),
    NiRenZhiWu: p.form.proposedPost,
    NiMianZhiWu: p.profile.dismissedPosition,
    JiangChengQingKuang: p.profile.rewards,
    NianDuKaoHeJieGuo: p.profile.appraisals,
    RenMianLiYou: p.profile.appointmentReason,
    JiaTingChengYuan: {
      Item: p.family.map((f) => ({
        ChengWei: f.relation,
        XingMing: f.name,
        ChuShengRiQi: ym(f.birthYearMonth),
        ZhengZhiMianMao: f.politicalStatus,
        GongZuoDanWeiJiZhiWu: f.workUnit
      }))
    },
    ChengBaoDanWei: p.form.reportingUnit,
    JiSuanNianLingShiJian: compact(p.form.ageOn),
    TianBiaoShiJian: compact(p.form.filledOn),
    TianBiaoRen: p.form.filledBy,
    ShenFenZheng: p.idNumber,
    ZhaoPian: p.photo ? p.photo.toString('base64') : '',
    Version: LRMX_VERSION
  }
  const xml = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false }).build({ Person: person }) as string
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`
}

/** What is wrong with a file, by field, in Chinese. */
export interface LrmxProblem {
  field: string
  message: string
}

export type LrmxRead = { ok: true; person: LrmxPerson } | { ok: false; problems: LrmxProblem[] }

/** The file's bytes as text: a BOM or the declared encoding (GB2312/GBK/GB18030 from older tools), else UTF-8. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf16be')
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  const declared = /encoding\s*=\s*["']([\w-]+)["']/i.exec(bytes.subarray(0, 200).toString('latin1'))?.[1]
  return declared && /^(gb2312|gbk|gb18030)$/i.test(declared) ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8')
}

const RESUME = /^(\d{4}\.\d{1,2})\s*[-—－~～]{1,2}\s*(\d{4}\.\d{1,2})?\s*(.*)$/

/** 简历 text back to lines; a line that does not open with a period continues the one before (tools wrap long entries). */
function resumeOf(text: string): { lines: ResumeLine[]; problem?: string } {
  const lines: ResumeLine[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '')
    if (!line.trim()) continue
    const m = RESUME.exec(line.trim())
    if (m) {
      const pad = (ym: string) => ym.replace(/\.(\d)$/, '.0$1')
      lines.push({ start: pad(m[1]), end: m[2] ? pad(m[2]) : '', text: m[3].trim() })
    } else if (lines.length > 0) {
      lines[lines.length - 1].text += line.trim()
    } else {
      return { lines, problem: `简历第一行“${line.trim().slice(0, 20)}”没有起止年月（应写作 1998.09--2002.07 经历）` }
    }
  }
  return { lines }
}

/**
 * Reads one .lrmx. DTDs are refused before parsing (no entity of the file is ever expanded); every date is
 * read in the yyyyMM and the dotted form; every problem names its field.
 */
export function readLrmx(bytes: Buffer): LrmxRead {
  const text = decode(bytes)
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { ok: false, problems: [{ field: '文件', message: '文件含有 DTD 或实体声明，出于安全考虑不予读取' }] }
  let doc: Record<string, unknown>
  try {
    doc = new XMLParser({ processEntities: false, parseTagValue: false, trimValues: false, isArray: (name) => name === 'Item' }).parse(text, true)
  } catch (e) {
    return { ok: false, problems: [{ field: '文件', message: `不是有效的 lrmx（XML）文件：${(e as Error).message.split('\n')[0]}` }] }
  }
  const root = doc.Person as Record<string, unknown> | undefined
  if (!root || typeof root !== 'object') return { ok: false, problems: [{ field: '文件', message: '不是干部任免审批表文件：缺少 <Person> 根元素' }] }
  const problems: LrmxProblem[] = []
  const s = (key: string): string => {
    const v = root[key]
    return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : ''
  }
  const date = (key: string, label: string, withDay = false): string => {
    const v = lrmxDate(s(key), withDay)
    if (v === undefined) {
      problems.push({ field: label, message: `${label}“${s(key)}”不是日期（应写作 198005 或 1980.05）` })
      return ''
    }
    return v
  }
  const edu = (prefix: string, label: string) => {
    const word = s(`${prefix}_XueLi`)
    const level = levelOf(word)
    if (level === undefined) problems.push({ field: `${label}学历`, message: `${label}学历“${word}”无法对应到 初中及以下/高中/中专/大专/本科/研究生` })
    return { level: level ?? null, degree: s(`${prefix}_XueWei`), school: s(`${prefix}_XueLi_BiYeYuanXiaoXi`) || s(`${prefix}_XueWei_BiYeYuanXiaoXi`) }
  }
  const name = s('XingMing')
  if (!name) problems.push({ field: '姓名', message: '缺少姓名（XingMing）' })
  const sex = s('XingBie')
  if (sex && sex !== '男' && sex !== '女') problems.push({ field: '性别', message: `性别“${sex}”应为“男”或“女”` })
  const birthMonth = date('ChuShengNianYue', '出生年月')
  const partyJoined = dotted(date('RuDangShiJian', '入党时间'))
  const workStarted = dotted(date('CanJiaGongZuoShiJian', '参加工作时间'))
  const resume = resumeOf(s('JianLi'))
  if (resume.problem) problems.push({ field: '简历', message: resume.problem })
  const items = ((root.JiaTingChengYuan as { Item?: Record<string, unknown>[] } | undefined)?.Item ?? []) as Record<string, unknown>[]
  const family: FamilyMember[] = []
  items.forEach((item, i) => {
    const f = (k: string) => (typeof item[k] === 'string' ? (item[k] as string).trim() : '')
    if (!f('ChengWei') && !f('XingMing')) return
    const born = lrmxDate(f('ChuShengRiQi'))
    if (born === undefined) problems.push({ field: `家庭成员${i + 1}`, message: `家庭成员第${i + 1}人“${f('XingMing')}”的出生年月“${f('ChuShengRiQi')}”不是日期` })
    family.push({ relation: f('ChengWei'), name: f('XingMing'), birthYearMonth: dotted(born ?? ''), politicalStatus: f('ZhengZhiMianMao'), workUnit: f('GongZuoDanWeiJiZhiWu') })
  })
  const photoText = s('ZhaoPian').replace(/\s+/g, '')
  const photo = photoText ? Buffer.from(photoText, 'base64') : null
  const profile = {
    nativePlace: s('JiGuan'),
    birthPlace: s('ChuShengDi'),
    partyJoined,
    workStarted,
    health: s('JianKangZhuangKuang'),
    fullTimeEducation: edu('QuanRiZhiJiaoYu', '全日制'),
    inServiceEducation: edu('ZaiZhiJiaoYu', '在职'),
    professionalTitle: s('ZhuanYeJiShuZhiWu'),
    specialty: s('ShuXiZhuanYeYouHeZhuanChang'),
    currentPosition: s('XianRenZhiWu'),
    proposedPosition: s('NiRenZhiWu'),
    dismissedPosition: s('NiMianZhiWu'),
    appointmentReason: s('RenMianLiYou'),
    rewards: s('JiangChengQingKuang'),
    appraisals: s('NianDuKaoHeJieGuo')
  }
  const form = {
    proposedPost: s('NiRenZhiWu'),
    reportingUnit: s('ChengBaoDanWei'),
    ageOn: date('JiSuanNianLingShiJian', '计算年龄时间', true),
    filledOn: date('TianBiaoShiJian', '填表时间', true),
    filledBy: s('TianBiaoRen')
  }
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, person: { name, sex, birthMonth, ethnicity: s('MinZu'), idNumber: s('ShenFenZheng'), profile, resume: resume.lines, family, form, photo } }
}
