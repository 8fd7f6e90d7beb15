import { foldWidth } from './import-reading'

/**
 * Seats as people hold them: at most one post on the Party committee and one on the villagers' committee.
 * 一肩挑 (Party 书记 and 主任) and 交叉任职 (any other seat on both sides) follow from the two; neither is a post.
 */
export const PARTY_SEAT_POSTS = ['书记', '副书记', '委员'] as const
export const COMMITTEE_SEAT_POSTS = ['主任', '副主任', '委员'] as const
export type PartySeatPost = (typeof PARTY_SEAT_POSTS)[number]
export type CommitteeSeatPost = (typeof COMMITTEE_SEAT_POSTS)[number]

export interface Seats {
  partyPost: PartySeatPost | null
  committeePost: CommitteeSeatPost | null
}

export const NO_SEATS: Seats = { partyPost: null, committeePost: null }

export const isOneShoulder = (s: Seats): boolean => s.partyPost === '书记' && s.committeePost === '主任'
export const isCrossServing = (s: Seats): boolean => s.partyPost !== null && s.committeePost !== null && !isOneShoulder(s)
export const hasSeat = (s: Seats): boolean => s.partyPost !== null || s.committeePost !== null

export const PARTY_BODY_LABEL = '党组织'
export const COMMITTEE_BODY_LABEL = '村(居)委会'

/** "党组织书记、村(居)委会主任（一肩挑）", as rosters and forms write a person's posts. */
export function seatsText(s: Seats, mark = true): string {
  const parts: string[] = []
  if (s.partyPost) parts.push(`${PARTY_BODY_LABEL}${s.partyPost}`)
  if (s.committeePost) parts.push(`${COMMITTEE_BODY_LABEL}${s.committeePost}`)
  if (parts.length === 0) return '职务待补充'
  const text = parts.join('、')
  if (!mark) return text
  if (isOneShoulder(s)) return `${text}（一肩挑）`
  if (isCrossServing(s)) return `${text}（交叉任职）`
  return text
}

/** Order in lists and forms handed up: 书记 and 主任 first, then the deputies, then members. */
export function seatRank(s: Seats): number {
  const p = s.partyPost ? PARTY_SEAT_POSTS.indexOf(s.partyPost) : 3
  const c = s.committeePost ? COMMITTEE_SEAT_POSTS.indexOf(s.committeePost) : 3
  // 一肩挑 heads the list handed up, before a 书记 or a 主任 alone.
  return isOneShoulder(s) ? 0 : 1 + Math.min(p, c) * 10 + (s.partyPost ? 0 : 1)
}

export type SeatSide = 'party' | 'committee'

export type ParsedSeats = { ok: true; seats: Seats } | { ok: false; reason: string }

// Separators between two posts in one cell: 、，,/；; and 兼 ("书记兼主任"), 和/及/+.
const SPLIT = /[、，,/；;+＋]|兼任?|和|及/
const PARTY_BODY = /^(?:村|社区)?(?:党组织|党支部|党总支|党委|支部|总支|党)(?:委员会)?/
const COMMITTEE_BODY = /^(?:社区)?(?:村民委员会|居民委员会|村委会|居委会|村委|居委|村|居)/

/** One post ("村委会主任", "支委", "副书记"): the side it belongs to, when the words say. */
function parsePart(part: string): { side: SeatSide | null; post: string } | null {
  let side: SeatSide | null = null
  let rest = part
  const party = PARTY_BODY.exec(rest)
  const committee = party ? null : COMMITTEE_BODY.exec(rest)
  if (party) {
    side = 'party'
    rest = rest.slice(party[0].length)
  } else if (committee) {
    side = 'committee'
    rest = rest.slice(committee[0].length)
  }
  // 支委 / 村委 / 党委 written alone, or with 委员: a member of that committee.
  if (rest === '委员' || rest === '成员') return { side, post: '委员' }
  if (rest === '' || rest === '委') return side ? { side, post: '委员' } : null
  if (rest === '支委' || rest === '支委委员') return { side: 'party', post: '委员' }
  if (rest === '书记' || rest === '副书记') return { side: side ?? 'party', post: rest }
  if (rest === '主任' || rest === '副主任') return { side: side ?? 'committee', post: rest }
  return null
}

const ONE_SHOULDER = /^(?:书记|党组织书记)?(?:主任)?一肩挑$/

/**
 * Reads the posts of a cell, in every way rosters write them: 党组织书记、村委会主任; 书记兼主任; 书记、主任;
 * 党支部委员兼村委委员; 支委、村委委员; 一肩挑. `side` is the column's committee in the two-column layout
 * (党组织职务 + 村(居)委会职务): there a bare 委员 belongs to that committee.
 */
export function parseSeats(text: string, side: SeatSide | null = null): ParsedSeats {
  const clean = foldWidth(text)
    .replace(/\s+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/村\(居\)|村\(社区\)|\(社区\)|\(居\)/g, (m) => (m.startsWith('村') ? '村' : ''))
    .replace(/^拟任|^拟推荐|人选$|候选人$/g, '')
    .replace(/书记主任/g, '书记、主任')
  const marked = /\(?(一肩挑|交叉任职)\)?$/.exec(clean)
  const body = marked ? clean.slice(0, marked.index) : clean
  if (body === '' || ONE_SHOULDER.test(clean)) {
    if (marked?.[1] === '一肩挑' || ONE_SHOULDER.test(clean)) return { ok: true, seats: { partyPost: '书记', committeePost: '主任' } }
    if (marked?.[1] === '交叉任职') return { ok: false, reason: '“交叉任职”须写明两边的职务，如“党组织委员、村委会委员”' }
  }
  const seats: Seats = { partyPost: null, committeePost: null }
  const parts = body.replace(/一肩挑$/, '').split(SPLIT).filter((p) => p !== '')
  if (parts.length === 0) return { ok: false, reason: '职务为空' }
  for (const raw of parts) {
    const p = parsePart(raw)
    if (!p) return { ok: false, reason: `无法识别职务“${raw}”，应写成党组织书记、副书记、委员或村(居)委会主任、副主任、委员` }
    const at = p.side ?? side
    if (!at) return { ok: false, reason: `“${raw}”未写明是党组织还是村(居)委会的职务，请写成“党组织委员”或“村委会委员”` }
    const key = at === 'party' ? 'partyPost' : 'committeePost'
    const allowed: readonly string[] = at === 'party' ? PARTY_SEAT_POSTS : COMMITTEE_SEAT_POSTS
    if (!allowed.includes(p.post)) return { ok: false, reason: `${at === 'party' ? PARTY_BODY_LABEL : COMMITTEE_BODY_LABEL}没有“${p.post}”职务` }
    const had = seats[key]
    if (had && had !== p.post) {
      return { ok: false, reason: `同一人在${at === 'party' ? PARTY_BODY_LABEL : COMMITTEE_BODY_LABEL}只能任一个职务（写了“${had}”和“${p.post}”）` }
    }
    Object.assign(seats, { [key]: p.post })
  }
  if (marked?.[1] === '一肩挑' && !isOneShoulder(seats)) return { ok: false, reason: `写明“一肩挑”，但职务不是书记兼主任（“${text.trim()}”）` }
  if (marked?.[1] === '交叉任职' && !isCrossServing(seats)) return { ok: false, reason: `写明“交叉任职”，但没有两边各一个职务（“${text.trim()}”）` }
  return { ok: true, seats }
}

/** Both columns of the two-column layout, or the one post column, read into one pair of seats. */
export function mergeSeats(cells: { text: string; side: SeatSide | null }[]): ParsedSeats {
  const out: Seats = { partyPost: null, committeePost: null }
  for (const c of cells) {
    const r = parseSeats(c.text, c.side)
    if (!r.ok) return r
    for (const key of ['partyPost', 'committeePost'] as const) {
      const v = r.seats[key]
      if (!v) continue
      if (out[key] && out[key] !== v) return { ok: false, reason: `${key === 'partyPost' ? PARTY_BODY_LABEL : COMMITTEE_BODY_LABEL}职务前后不一致（“${out[key]}”和“${v}”）` }
      Object.assign(out, { [key]: v })
    }
  }
  return { ok: true, seats: out }
}

/** Seats written the way forms write them ("党组织书记、村委会主任"), for code that holds them as text it trusts. */
export function seatsOf(text: string): Seats {
  const r = parseSeats(text)
  if (!r.ok) throw new Error(`${text}：${r.reason}`)
  return r.seats
}
