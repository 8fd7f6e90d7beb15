import { describe, expect, it } from 'vitest'
import { KIND_DEFS, type FieldDef } from '../../../shared/import'
import { idNumber } from '../../../../tests/fixtures/rosters'
import { coerceCell, coerceDate } from './coerce'

const TODAY = '2026-03-01'
const field = (kind: keyof typeof KIND_DEFS, key: string): FieldDef => KIND_DEFS[kind].fields.find((f) => f.key === key)!

describe('dates in the forms rosters hold them', () => {
  it.each([
    [new Date(Date.UTC(1980, 4, 1)), '1980-05-01'],
    [29342, '1980-05-01'],
    ['1980-05-01', '1980-05-01'],
    ['1980/5/1', '1980-05-01'],
    ['1980年5月1日', '1980-05-01'],
    ['19800501', '1980-05-01'],
    [19800501, '1980-05-01'],
    ['１９８０．０５', '1980-05'],
    ['1980.05', '1980-05'],
    ['1980.5', '1980-05'],
    ['1980年5月', '1980-05'],
    ['198005', '1980-05'],
    [1980.05, '1980-05'],
    [1980.12, '1980-12'],
    ['1980-05-01 00:00:00', '1980-05-01']
  ])('%s → %s', (cell, iso) => {
    expect(coerceDate(cell, '出生年月')).toEqual({ ok: true, value: iso })
  })

  it('reads a date cell in UTC whatever the machine’s time zone', () => {
    // exceljs gives Excel dates as UTC midnight; a local-time reading would give the previous day east of UTC.
    expect(coerceDate(new Date('2026-11-26T00:00:00Z'), '选举日期')).toEqual({ ok: true, value: '2026-11-26' })
  })

  it('refuses 1980.1 typed as a number, which may have been 1980.10', () => {
    const r = coerceDate(1980.1, '出生年月')
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('有歧义') })
  })

  it.each([['1980.13'], ['1981-02-29'], ['明年'], ['80.5']])('refuses %s', (text) => {
    expect(coerceDate(text, '出生年月').ok).toBe(false)
  })
})

describe('ID numbers', () => {
  const f = field('persons', 'idNumber')
  const good = idNumber('19800501', 11, '男')

  it('accepts text, full-width digits and stray spaces', () => {
    expect(coerceCell(` ${good.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}　`, f, TODAY)).toEqual({ ok: true, value: good })
  })

  it('reports an ID Excel stored as a number, never repairing it', () => {
    const r = coerceCell(Number(good.slice(0, 17) + '0'), f, TODAY)
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('存成了数字') })
    expect(coerceCell(3.30302e17, f, TODAY)).toMatchObject({ ok: false, reason: expect.stringContaining('3.30302E+17') })
  })

  it('reports the text Excel leaves of such a number', () => {
    expect(coerceCell('3.30302E+17', f, TODAY)).toMatchObject({ ok: false, reason: expect.stringContaining('科学计数法') })
    expect(coerceCell('330302198005010000', f, TODAY)).toMatchObject({ ok: false, reason: expect.stringContaining('15位有效数字') })
  })
})

describe('other types', () => {
  it('squeezes names padded to align and folds full-width letters', () => {
    expect(coerceCell('张　 三', field('persons', 'name'), TODAY)).toEqual({ ok: true, value: '张三' })
    expect(coerceCell('Ｍａｒｙ', field('persons', 'name'), TODAY)).toEqual({ ok: true, value: 'Mary' })
  })

  it('reads numbers stored as text and text stored as numbers', () => {
    expect(coerceCell('１,２３４户', field('villages', 'households'), TODAY)).toEqual({ ok: true, value: 1234 })
    expect(coerceCell(330302001001, field('villages', 'divisionCode'), TODAY)).toEqual({ ok: true, value: '330302001001' })
    expect(coerceCell(12.5, field('villages', 'households'), TODAY).ok).toBe(false)
  })

  it('maps short forms of choices and explains a wrong one', () => {
    const cat = field('voters', 'category')
    expect(coerceCell('一类', cat, TODAY)).toEqual({ ok: true, value: '户籍在本村并居住' })
    expect(coerceCell('户籍不在本村、在本村居住一年以上', cat, TODAY)).toEqual({ ok: true, value: '居住一年以上户籍不在本村' })
    expect(coerceCell(' 女性 ', field('persons', 'sex'), TODAY)).toEqual({ ok: true, value: '女' })
    expect(coerceCell('未知', field('persons', 'sex'), TODAY)).toEqual({ ok: false, reason: '性别应为“男”、“女”之一，现为“未知”' })
  })

  it('treats blank cells as empty', () => {
    expect(coerceCell('  ', field('persons', 'name'), TODAY)).toEqual({ ok: true, value: null })
  })
})
