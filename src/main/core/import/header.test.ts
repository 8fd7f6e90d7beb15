import { describe, expect, it } from 'vitest'
import { KIND_DEFS } from '../../../shared/import'
import { findHeader, isFooterRow, mapColumns } from './header'

const rows = (cells: (string | number | null)[][]) => cells.map((c, i) => ({ row: i + 1, cells: c }))

describe('header detection', () => {
  it('skips title rows and finds the header by the columns it names', () => {
    const found = findHeader(
      rows([
        ['龙山镇2026年选民登记表'],
        ['村（社区）：龙山村', null, null, '填报日期：2026.3.1'],
        [],
        ['序号', '村民\n小组', '姓　名', '性别', '公民身份号码（18位）', '住址', '类别'],
        [1, '一组', '张三', '男', '330302198005010112', '龙山村', '一类']
      ]),
      KIND_DEFS.voters
    )
    expect(found).toEqual({ rowIndex: 3, row: 4, score: 6 })
  })

  it('finds nothing in a sheet without a header', () => {
    expect(findHeader(rows([['说明'], ['本工作簿第二张表为名册']]), KIND_DEFS.persons)).toBeNull()
  })

  it('maps by synonyms, ignores 序号, keeps one column per field, and lets remembered and chosen mappings win', () => {
    const header = ['序号', '姓名', '身份证号', '公民身份号码', '证件', '手机']
    const auto = mapColumns(header, KIND_DEFS.persons, new Map(), {})
    expect(auto.map((c) => [c.letter, c.field, c.source])).toEqual([
      ['A', null, 'ignored'],
      ['B', 'name', 'auto'],
      ['C', 'idNumber', 'auto'],
      ['D', null, 'none'],
      ['E', null, 'none'],
      ['F', 'phone', 'auto']
    ])
    const remembered = mapColumns(header, KIND_DEFS.persons, new Map([['证件', 'idNumber'], ['身份证号', null]]), {})
    expect(remembered.find((c) => c.letter === 'E')).toMatchObject({ field: 'idNumber', source: 'remembered' })
    const chosen = mapColumns(header, KIND_DEFS.persons, new Map(), { C: null, D: 'idNumber' })
    expect(chosen.filter((c) => c.field === 'idNumber').map((c) => c.letter)).toEqual(['D'])
  })
})

it('recognises footer rows', () => {
  expect(isFooterRow(['填表人：王芳', null, '审核人：李强'])).toBe(true)
  expect(isFooterRow(['合计', null, 1200, 3400, 500, 600])).toBe(true)
  expect(isFooterRow([1, '张三', '男'])).toBe(false)
})
