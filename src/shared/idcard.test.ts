import { describe, expect, it } from 'vitest'
import { ageOn, checkCharacter, checkIdNumber, formYearMonth } from './idcard'

/** Builds a real-shaped number with a correct check character from its first 17 digits. */
const valid = (first17: string) => first17 + checkCharacter(first17)

describe('checkIdNumber', () => {
  it('accepts a number whose check character is right and derives birth date and sex', () => {
    // GB 11643 appendix example
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true, idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: '女' })
    const man = valid('33030219800501001')
    expect(checkIdNumber(man)).toMatchObject({ ok: true, birthDate: '1980-05-01', sex: '男' })
  })

  it('upper-cases a lower-case x and folds full-width digits and spaces', () => {
    expect(checkIdNumber('11010519491231002x')).toMatchObject({ ok: true, idNumber: '11010519491231002X' })
    expect(checkIdNumber(' １１０１０５１９４９１２３１００２Ｘ ')).toMatchObject({ ok: true, idNumber: '11010519491231002X' })
  })

  it('refuses a wrong check character', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, reason: '身份证号校验位错误，请核对是否有数字填错' })
  })

  it('refuses 15-digit old numbers with a message that says so', () => {
    const r = checkIdNumber('110105491231002')
    expect(r.ok).toBe(false)
    expect(!r.ok && r.reason).toContain('15位旧身份证号')
  })

  it('refuses impossible dates, unknown provinces, wrong lengths, and Excel scientific notation', () => {
    expect(checkIdNumber(valid('33030219810229001'))).toMatchObject({ ok: false, reason: expect.stringContaining('19810229') })
    expect(checkIdNumber(valid('33030219801301001'))).toMatchObject({ ok: false })
    expect(checkIdNumber(valid('33030219800500001'))).toMatchObject({ ok: false, reason: expect.stringContaining('19800500') })
    expect(checkIdNumber(valid('33030219800431001'))).toMatchObject({ ok: false, reason: expect.stringContaining('不存在') })
    expect(checkIdNumber(valid('99030219800501001'))).toMatchObject({ ok: false, reason: expect.stringContaining('省级地区代码') })
    expect(checkIdNumber('3303021980050100')).toMatchObject({ ok: false, reason: '身份证号应为18位，现为16位' })
    expect(checkIdNumber('3.30302E+17')).toMatchObject({ ok: false, reason: expect.stringContaining('科学计数法') })
    expect(checkIdNumber(valid('33030230000101001'), '2026-11-26')).toMatchObject({ ok: false, reason: expect.stringContaining('晚于今天') })
  })

  it('accepts 29 February in a leap year', () => {
    expect(checkIdNumber(valid('33030220000229002'))).toMatchObject({ ok: true, birthDate: '2000-02-29', sex: '女' })
  })
})

describe('ageOn', () => {
  it.each([
    ['1980-05-01', '2026-04-30', 45],
    ['1980-05-01', '2026-05-01', 46],
    ['2008-11-26', '2026-11-26', 18],
    ['2008-11-27', '2026-11-26', 17],
    // 民法典 第二百零二条: a year without 29 February ends the period on the last day of February.
    ['2000-02-29', '2025-02-27', 24],
    ['2000-02-29', '2025-02-28', 25],
    ['2000-02-29', '2025-03-01', 25],
    ['2008-02-29', '2026-02-27', 17],
    ['2008-02-29', '2026-02-28', 18],
    ['2008-02-29', '2026-03-01', 18],
    ['2000-02-29', '2028-02-28', 27],
    ['2000-02-29', '2028-02-29', 28],
    ['2000-02-28', '2025-02-27', 24],
    ['2000-02-28', '2025-02-28', 25]
  ])('born %s, on %s is %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age)
  })
})

it('writes 出生年月 as forms do', () => {
  expect(formYearMonth('1980-05-01')).toBe('1980.05')
  expect(formYearMonth(null)).toBe('')
})
