import { pinyin } from 'pinyin-pro'

/**
 * SQLite has no ICU, so Chinese search is prepared in JS: the stored key holds the text itself,
 * its full pinyin without tones and its initials ("龙山村" → "龙山村 longshancun lsc"), lower-case,
 * so that one LIKE finds a record by name, by pinyin or by pinyin initials.
 */
export function searchKey(...parts: (string | null | undefined)[]): string {
  const text = parts.filter(Boolean).join(' ').trim()
  if (!text) return ''
  // One conversion gives both: a Chinese character becomes its syllable, other text stays as it is, whole.
  const items = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
  let initials = ''
  let at = 0
  for (const item of items) {
    if (text.startsWith(item, at)) {
      initials += item
      at += item.length
    } else {
      initials += item[0] ?? ''
      at += text.codePointAt(at)! > 0xffff ? 2 : 1
    }
  }
  return `${text} ${items.join('')} ${initials}`.toLowerCase().replace(/\s+/g, ' ')
}

/** The user's query in the same form, safe for LIKE with ESCAPE '\\'. */
export function likePattern(query: string): string {
  const q = query.trim().toLowerCase().replace(/\s+/g, '')
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
