import { describe, expect, it } from 'vitest'
import { columnPoints, fittedHeight, wrappedLines } from './sheet-fit'

describe('sheet row heights', () => {
  it('counts wrapped lines by word for Latin runs and by character for Chinese', () => {
    const w = columnPoints(9)
    expect(wrappedLines('男', w, 11)).toBe(1)
    expect(wrappedLines('一二三四五六七八九十', w, 11)).toBeGreaterThanOrEqual(3)
    expect(wrappedLines('2026.03.01\n已完成', w, 11)).toBe(3)
    expect(wrappedLines('甲 2026.03.01', columnPoints(14), 11)).toBe(2)
  })

  it('gives a row the height of its tallest cell, never less than the minimum', () => {
    expect(fittedHeight([{ text: '男', points: 40, size: 11 }], 20)).toBe(20)
    const tall = fittedHeight([{ text: '风险'.repeat(40), points: columnPoints(15), size: 11 }, { text: '男', points: 40, size: 11 }], 20)
    expect(tall).toBeGreaterThan(100)
  })
})
