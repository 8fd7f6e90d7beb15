import { pinyin, polyphonic } from 'pinyin-pro'

const SYLLABLES = { toneType: 'none', type: 'array', nonZh: 'consecutive' } as const

/**
 * Characters pinyin-pro lists with one reading but reads otherwise inside an idiom of its dictionary
 * (傍若无人 bang, 合从连衡 zong, 告朔饩羊 gu, 阿房宫 pang). search-key.test.ts checks every word of the
 * dictionary, so a new version with more such words fails there.
 */
const READ_OTHERWISE_IN_WORDS = new Set('傍从告房')

const alone = new Map<string, string | null>()

/**
 * The one reading (toneless) of a CJK character that has only one, or null: such a character reads the same
 * inside any word, so a name made only of them needs no word segmentation.
 */
export function onlyReading(char: string): string | null {
  let reading = alone.get(char)
  if (reading !== undefined) return reading
  reading = null
  if (!READ_OTHERWISE_IN_WORDS.has(char)) {
    const readings = new Set((polyphonic(char, { toneType: 'none', type: 'array' }) as string[][])[0])
    const first = pinyin(char, SYLLABLES)[0]
    if (readings.size === 1 && readings.has(first) && first !== char) reading = first
  }
  alone.set(char, reading)
  return reading
}

/**
 * pinyin-pro's syllables of the text (a Chinese character becomes its syllable, other text stays whole).
 * Most names are read a character at a time, several times faster than segmenting them into words;
 * a name with a character of several readings is segmented as before.
 */
export function syllables(text: string): string[] {
  const out: string[] = []
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const reading = code >= 0x4e00 && code <= 0x9fff ? onlyReading(text[i]) : null
    if (reading === null) return pinyin(text, SYLLABLES)
    out.push(reading)
  }
  return out
}

/**
 * SQLite has no ICU, so Chinese search is prepared in JS: the stored key holds the text itself,
 * its full pinyin without tones and its initials ("龙山村" → "龙山村 longshancun lsc"), lower-case,
 * so that one LIKE finds a record by name, by pinyin or by pinyin initials.
 */
export function searchKey(...parts: (string | null | undefined)[]): string {
  const text = parts.filter(Boolean).join(' ').trim()
  if (!text) return ''
  // One conversion gives both: a Chinese character becomes its syllable, other text stays as it is, whole.
  const items = syllables(text)
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

/**
 * pinyin-pro builds its dictionaries on its first conversion (tens of milliseconds): an import calls this
 * while it waits for the first rows, so that the first names written do not pay for it.
 */
export function warmSearchKeys(): void {
  searchKey('换届')
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The user's query in the same form, safe for LIKE with ESCAPE '\\'. */
export function likePattern(query: string): string {
  return `%${escapeLike(query.trim().toLowerCase().replace(/\s+/g, ''))}%`
}

/** ID numbers that begin with the query, for LIKE with ESCAPE '\\': a % or _ typed is itself. */
export function idPrefixPattern(query: string): string {
  return `${escapeLike(query.trim().toUpperCase())}%`
}
