import { daysInMonth } from './dates'

/** GB 11643: ISO 7064 MOD 11-2 over the first 17 digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'
const ID_SHAPE = /^\d{17}[\dX]$/

/** First two digits: provinces, plus 71 台湾, 81 香港, 82 澳门, 83 台湾居民居住证. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45',
  '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83'
])

export type Sex = '男' | '女'

export type IdCheck =
  | { ok: true; idNumber: string; birthDate: string; sex: Sex }
  | { ok: false; reason: string }

export function checkCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

/** Full-width digits and letters typed by Chinese input methods, spaces, lower-case x. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase()
}

/**
 * Checks a 公民身份号码 and derives birth date and sex from it. `today` (YYYY-MM-DD) bounds the birth date.
 * Every refusal says why in words a clerk understands.
 */
export function checkIdNumber(raw: string, today?: string): IdCheck {
  // A roster checks 100,000 of them, nearly all already clean: those skip normalising.
  const id = ID_SHAPE.test(raw) ? raw : normalizeIdNumber(raw)
  if (!ID_SHAPE.test(id)) {
    if (id === '') return { ok: false, reason: '身份证号为空' }
    if (/^\d{15}$/.test(id)) return { ok: false, reason: '这是15位旧身份证号，请改填18位公民身份号码' }
    if (/^\d(\.\d+)?E\+?\d+$/.test(id)) return { ok: false, reason: '身份证号被表格软件转成了科学计数法，后几位已丢失，请按原件重新填写' }
    if (id.length !== 18) return { ok: false, reason: `身份证号应为18位，现为${id.length}位` }
    return { ok: false, reason: '身份证号只能由数字组成，最后一位可以是X' }
  }
  if (!PROVINCES.has(id.slice(0, 2))) return { ok: false, reason: `身份证号前两位“${id.slice(0, 2)}”不是有效的省级地区代码` }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  if (!realDate(id)) {
    return { ok: false, reason: `身份证号中的出生日期“${id.slice(6, 14)}”不存在` }
  }
  if (today && birthDate > today) return { ok: false, reason: `身份证号中的出生日期${birthDate}晚于今天` }
  const expected = checkCharacter(id.slice(0, 17))
  if (id[17] !== expected) return { ok: false, reason: '身份证号校验位错误，请核对是否有数字填错' }
  return { ok: true, idNumber: id, birthDate, sex: sexOf(id) }
}

/** Whether the YYYYMMDD at 6–13 of a number of digits is a day of the calendar, from 1900 on. */
function realDate(id: string): boolean {
  const digit = (i: number) => id.charCodeAt(i) - 48
  const year = digit(6) * 1000 + digit(7) * 100 + digit(8) * 10 + digit(9)
  const month = digit(10) * 10 + digit(11)
  const day = digit(12) * 10 + digit(13)
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** Birth date and sex of a number that has passed checkIdNumber. */
export function idFacts(id: string): { birthDate: string; sex: Sex } {
  return { birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, sex: sexOf(id) }
}

const sexOf = (id: string): Sex => (Number(id[16]) % 2 === 1 ? '男' : '女')

/**
 * Full years between a birth date and a reference date (both YYYY-MM-DD), the birthday itself counting
 * (年满十八周岁，以选举日为准). A year of age is a period of one year from the birth date, reckoned as
 * 民法典 第二百零一条 and 第二百零二条 reckon periods: "按照年、月计算期间的，到期月的对应日为期间的最后一日；
 * 没有对应日的，月末日为期间的最后一日". Someone born on 29 February therefore completes a year on 28 February
 * of a common year, not on 1 March.
 */
export function ageOn(birthDate: string, onDate: string): number {
  if (birthDate.length === 10 && onDate.length === 10) {
    // Checked once per row of a large roster: zero-padded MM-DD compares as text, without splitting.
    const year = Number(onDate.slice(0, 4))
    const age = year - Number(birthDate.slice(0, 4))
    return onDate.slice(4) < anniversary(birthDate.slice(4), year) ? age - 1 : age
  }
  const [by, bm, bd] = birthDate.split('-').map(Number)
  const [ty, tm, td] = onDate.split('-').map(Number)
  const day = bm === 2 && bd === 29 && daysInMonth(ty, 2) === 28 ? 28 : bd
  let age = ty - by
  if (tm < bm || (tm === bm && td < day)) age -= 1
  return age
}

/** "-MM-DD" of a birthday in `year`: 29 February falls on the month's last day, 28 February, in a common year. */
const anniversary = (monthDay: string, year: number): string => (monthDay === '-02-29' && daysInMonth(year, 2) === 28 ? '-02-28' : monthDay)

/**
 * The latest birth date of someone `years` old on `onDate`: the same month and day `years` earlier, and
 * for a day on 28 February of a common year also 29 February (who completes the year then, ageOn).
 * The result may name a day that does not exist (2007-02-29), which still sorts exactly right as text.
 */
export function latestBirthDateOfAge(onDate: string, years: number): string {
  const year = Number(onDate.slice(0, 4))
  const born = String(year - years).padStart(4, '0')
  const monthDay = onDate.slice(4) === '-02-28' && daysInMonth(year, 2) === 28 ? '-02-29' : onDate.slice(4)
  return `${born}${monthDay}`
}

/** 出生年月 the way cadre forms write it: 1980.05 */
export function formYearMonth(isoDate: string | null | undefined): string {
  return isoDate ? `${isoDate.slice(0, 4)}.${isoDate.slice(5, 7)}` : ''
}
