import { pinyin } from 'pinyin-pro'

/**
 * SQLite has no ICU, so Chinese search is prepared in JS: the stored key holds the text itself,
 * its full pinyin without tones and its initials ("龙山村" → "龙山村 longshancun lsc"), lower-case,
 * so that one LIKE finds a record by name, by pinyin or by pinyin initials.
 */
export function searchKey(...parts: (string | null | undefined)[]): string {
  const text = parts.filter(Boolean).join(' ').trim()
  if (!text) return ''
  const full = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('')
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('')
  return `${text} ${full} ${initials}`.toLowerCase().replace(/\s+/g, ' ')
}

/** The user's query in the same form, safe for LIKE with ESCAPE '\\'. */
export function likePattern(query: string): string {
  const q = query.trim().toLowerCase().replace(/\s+/g, '')
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
