import { pinyin } from 'pinyin-pro'
import { PatternsNormal } from 'pinyin-pro/dist/esm/data/patterns.mjs'
import { describe, expect, it } from 'vitest'
import { likePattern, onlyReading, searchKey, syllables } from './search-key'

const toneless = (syllable: string) => syllable.normalize('NFD').replace(/[\u0300\u0301\u0304\u030c]/g, '').normalize('NFC')

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

  it('read a character of one reading as every word of the dictionary reads it', () => {
    const differing: string[] = []
    let checked = 0
    for (const word of PatternsNormal) {
      const readings = word.pinyin.split(' ')
      ;[...word.zh].forEach((char, i) => {
        const reading = onlyReading(char)
        if (reading === null) return
        checked++
        if (toneless(readings[i] ?? '') !== reading) differing.push(`${word.zh}：${char} ${readings[i]}，单读 ${reading}`)
      })
    }
    expect(differing).toEqual([])
    expect(checked).toBeGreaterThan(5000)
    // The four it must not read alone, and a few it may.
    expect([...'傍从告房'].map(onlyReading)).toEqual([null, null, null, null])
    expect(onlyReading('曾')).toBeNull()
    expect(onlyReading('王')).toBe('wang')
    expect(onlyReading('绿')).toBeNull()
    expect(onlyReading('吕')).toBe('lü')
  })

  it('give the syllables of whole-text conversion, for names and for the words of the dictionary', () => {
    const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'
    const given = '伟芳秀英敏静丽强军洋勇艳杰娟涛明超兰霞平刚桂华建国玉志海燕红春梅金凤德永文俊飞鹏一不了乐长重朝行'
    const texts = [...PatternsNormal.map((w) => w.zh), '傍若无人张', '阿房宫李', '王一不', '李了']
    for (const s of surnames) for (const g of given) texts.push(s + g, s + g + given[(s.charCodeAt(0) + g.charCodeAt(0)) % given.length])
    const differing = texts.filter((t) => syllables(t).join(' ') !== pinyin(t, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' '))
    expect(differing).toEqual([])
    expect(texts.length).toBeGreaterThan(9000)
  })

  it('make a LIKE pattern of the query with its wildcards escaped', () => {
    expect(likePattern(' L S C ')).toBe('%lsc%')
    expect(likePattern('50%_a\\')).toBe('%50\\%\\_a\\\\%')
  })
})
