import { describe, expect, it } from 'vitest'
import { likePattern, searchKey } from './search-key'

describe('search keys', () => {
  it('hold the text, its pinyin and its initials', () => {
    expect(searchKey('龙山村')).toBe('龙山村 longshancun lsc')
    expect(searchKey('王', '芳')).toBe('王 芳 wang fang w f')
    expect(searchKey('  ')).toBe('')
  })

  it('keep other text whole, among the syllables and the initials', () => {
    expect(searchKey('A组')).toBe('a组 azu az')
    expect(searchKey('第1村')).toBe('第1村 di1cun d1c')
    expect(searchKey('Mary王')).toBe('mary王 marywang maryw')
    expect(searchKey('abc 李四')).toBe('abc 李四 abc lisi abc ls')
    expect(searchKey('阿卜杜拉·买买提')).toBe('阿卜杜拉·买买提 abudula·maimaiti abdl·mmt')
  })

  it('step over characters outside the basic plane without losing the place', () => {
    const key = searchKey('😀李四')
    expect(key.endsWith('lisi 😀ls')).toBe(true)
  })

  it('make a LIKE pattern of the query with its wildcards escaped', () => {
    expect(likePattern(' L S C ')).toBe('%lsc%')
    expect(likePattern('50%_a\\')).toBe('%50\\%\\_a\\\\%')
  })
})
