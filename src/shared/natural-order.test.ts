import { describe, expect, it } from 'vitest'
import { naturalCompare } from './natural-order'

describe('naturalCompare', () => {
  it('counts the numbers in names: 第1组 … 第10组 … 第12组, not text order', () => {
    const groups = ['第10组', '第2组', '第12组', '第1组', '第11组', '第3组']
    expect([...groups].sort(naturalCompare)).toEqual(['第1组', '第2组', '第3组', '第10组', '第11组', '第12组'])
    expect(['3组', '10组', '1组'].sort(naturalCompare)).toEqual(['1组', '3组', '10组'])
  })

  it('reads numbers written in Chinese: 一组, 二组 … 十组, 十一组, 二十组', () => {
    const groups = ['十一组', '二组', '二十组', '一组', '十组', '三组', '一百零五组']
    expect([...groups].sort(naturalCompare)).toEqual(['一组', '二组', '三组', '十组', '十一组', '二十组', '一百零五组'])
  })

  it('orders the words around the numbers in pinyin, and never calls different names equal', () => {
    expect(['西组1', '东组2', '东组1'].sort(naturalCompare)).toEqual(['东组1', '东组2', '西组1'])
    expect(naturalCompare('第01组', '第1组')).not.toBe(0)
    expect(naturalCompare('', '一组')).toBeLessThan(0)
    expect(naturalCompare('一组', '一组')).toBe(0)
  })
})
