import { likePattern } from './search-key'
import type { Store } from './store'

const TRIGRAM = 3
/** Above every code point: the end of the range of terms that begin with a given text. */
const LAST = String.fromCodePoint(0x10ffff)

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`
const TERMS_SQL = 'SELECT term FROM person_search_terms WHERE term >= ? AND term < ?'
/** How many of a long query's candidates the estimate counts up to. */
const CANDIDATES_COUNTED = 200_000
/** How many ID numbers a prefix is counted up to: beyond that a search is dense whatever its name part. */
const ID_PREFIX_COUNTED = 100_000

/** The query as keys hold it: lower-case, without spaces. */
const searchText = (query: string) => query.trim().toLowerCase().replace(/\s+/g, '')

function trigramsOf(chars: string[]): Set<string> {
  return new Set(chars.slice(0, chars.length - TRIGRAM + 1).map((_, i) => chars.slice(i, i + TRIGRAM).join('')))
}

/** Rows a walk tests (an index or table read in order) in the time one match costs through the search index. */
const WALKED_PER_MATCH = 10

/**
 * Whether a list is cheaper walked in its own order, each row tested, than read through the search index: the walk
 * reads about `wanted` × everyone / estimate rows if the matches are spread evenly (the whole list at most), the
 * index every match.
 */
export function walkIsCheaper(estimate: number, wanted: number, onList: number, everyone: number): boolean {
  const matches = Math.max(1, estimate)
  return onList > 0 && Math.min(onList, (wanted * everyone) / matches) < WALKED_PER_MATCH * matches
}

/**
 * About how many people a search finds, at least as many as it does, from the index alone and the ID numbers'
 * index, without reading a person: a long query's candidates (keys with all its trigrams), the counts of the
 * terms a short one begins (a key with the piece twice counts twice). What a search is
 * read by is chosen by it: the index for a few matches, a walk of the list in its order for many.
 */
export function estimatedMatches(store: Store, query: string): number {
  const text = searchText(query)
  const chars = [...text]
  let named = 0
  if (chars.length >= TRIGRAM) {
    // The index's own candidates, counted: every trigram of the query in one key (sunmingui: 8,334, where its
    // commonest trigrams alone are in 50,000). Counted to a bound, as a dense one is walked either way.
    const match = [...trigramsOf(chars)].map(quoted).join(' AND ')
    named = store.value<number>('SELECT count(*) FROM (SELECT 1 FROM person_search WHERE person_search MATCH ? LIMIT ?)', match, CANDIDATES_COUNTED) ?? 0
  } else if (chars.length > 0) {
    named = store.value<number>('SELECT coalesce(sum(doc), 0) FROM person_search_terms WHERE term >= ? AND term < ?', text, text + LAST) ?? 0
  }
  const prefix = query.trim().toUpperCase()
  const byId = prefix
    ? (store.value<number>('SELECT count(*) FROM (SELECT 1 FROM persons WHERE id_number >= ? AND id_number < ? LIMIT ?)', prefix, prefix + LAST, ID_PREFIX_COUNTED) ?? 0)
    : 0
  return named + byId
}

/**
 * The people a search finds, as ids: the search key (name, full pinyin, initials) contains the query, or the
 * ID number begins with it, exactly as `search_key LIKE '%q%' OR id_number LIKE 'Q%'`, % and _ included as
 * themselves. Read through the trigram index of migration 011 and the ID numbers' unique index, never by
 * reading every person: a query of three characters or more by its trigrams, each candidate confirmed by
 * its key; a shorter one by the index's terms that begin with it (every key is padded so that each of its
 * pieces begins a term). People written in the transaction that reads, not yet indexed, are read as well.
 */
export function matchingPersons(store: Store, query: string): number[] {
  const text = searchText(query)
  const ids = new Set<number>()
  const chars = [...text]
  if (chars.length >= TRIGRAM) {
    const match = [...trigramsOf(chars)].map(quoted).join(' AND ')
    // Exactly three characters, none of them the padding's: a key holds the one trigram if and only if it holds
    // the query, so no key need be read to confirm it (8,334 people read took most of a 孙敏桂 search).
    const exact = chars.length === TRIGRAM && !/[\u0000-\u001f]/.test(text)
    const found = exact
      ? store.values<number>('SELECT rowid FROM person_search WHERE person_search MATCH ?', match)
      : store.values<number>(
          `SELECT p.id FROM person_search s CROSS JOIN persons p ON p.id = s.rowid
           WHERE person_search MATCH ? AND p.search_key LIKE ? ESCAPE '\\'`,
          match,
          likePattern(text)
        )
    for (const id of found) ids.add(id)
  } else if (chars.length > 0) {
    const terms = store.values<string>(TERMS_SQL, text, text + LAST)
    // One query per term: an FTS5 OR of hundreds of terms compares every term at every row.
    for (const term of terms) {
      for (const id of store.values<number>('SELECT rowid FROM person_search WHERE person_search MATCH ?', quoted(term))) ids.add(id)
    }
  }
  if (text) {
    // Written in this transaction and not yet in the index (migration 011): few, read one by one.
    const waiting = store.values<number>(
      `SELECT p.id FROM person_search_pending q CROSS JOIN persons p ON p.id = q.person_id WHERE p.search_key LIKE ? ESCAPE '\\'`,
      likePattern(text)
    )
    for (const id of waiting) ids.add(id)
  }
  const prefix = query.trim().toUpperCase()
  if (prefix) {
    for (const id of store.values<number>('SELECT id FROM persons WHERE id_number >= ? AND id_number < ?', prefix, prefix + LAST)) ids.add(id)
  }
  // In id order: the voter rows are then read in the order they lie in their index.
  return [...ids].sort((a, b) => a - b)
}
