import { describe, expect, it } from 'vitest'
import { byStrokes, strokeCompare, strokeDigits } from './stroke-order'

const sorted = (names: string[]) => [...names].sort(strokeCompare)

describe('姓氏笔画 order', () => {
  it('orders by stroke count, not by pinyin or code point', () => {
    // 丁2 王4 白5 李7 周8; by pinyin 白丁李王周, by code point 丁周李王白.
    const names = ['周强', '白雪', '李四', '丁一', '王五']
    expect(sorted(names)).toEqual(['丁一', '王五', '白雪', '李四', '周强'])
    expect([...names].sort((a, b) => a.localeCompare(b, 'zh-CN'))).not.toEqual(sorted(names))
    expect([...names].sort()).not.toEqual(sorted(names))
  })

  it('breaks a tie of stroke count by the strokes in writing order, 横竖撇点折', () => {
    // All five strokes: 石 begins 横, 田 竖, 白 撇, 冯 点; by pinyin 白冯石田, by code point 冯田白石.
    expect(strokeDigits('石')).toBe('13251')
    expect(strokeDigits('田')?.[0]).toBe('2')
    expect(strokeDigits('白')?.[0]).toBe('3')
    expect(strokeDigits('冯')?.[0]).toBe('4')
    expect(sorted(['冯华', '白云', '田野', '石磊'])).toEqual(['石磊', '田野', '白云', '冯华'])
  })

  it('counts 提 as 横, 捺 as 点 and hooks and turns as 折', () => {
    expect(strokeDigits('丁')).toBe('15') // 横 竖钩
    expect(strokeDigits('李')).toBe('1234551') // 横 竖 撇 捺 横撇 竖钩 横... 捺 as 点
  })

  it('goes on to the next character when the surnames are alike', () => {
    // 大 begins 横, 小 竖钩 (折): 王大力 before 王小明; a shorter name with the same start comes first.
    expect(sorted(['王小明', '王大力', '王'])).toEqual(['王', '王大力', '王小明'])
  })

  it('orders names alike stroke for stroke by code point, the same on every run', () => {
    expect(strokeDigits('田')).toBe(strokeDigits('由'))
    expect(sorted(['由甲', '田甲'])).toEqual(['田甲', '由甲'])
    expect(sorted(['田甲', '由甲'])).toEqual(['田甲', '由甲'])
  })

  it('puts a character the dictionary lacks after the known ones', () => {
    expect(sorted(['𠀀一', '龚十一', '丁一'])).toEqual(['丁一', '龚十一', '𠀀一'])
  })

  it('sorts records by a name of theirs', () => {
    expect(byStrokes([{ n: '周' }, { n: '丁' }], (r) => r.n).map((r) => r.n)).toEqual(['丁', '周'])
  })
})
