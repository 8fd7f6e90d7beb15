import { parseSeats, type Seats, type SeatSide } from '../../../shared/seats'
import type { FieldProblem, Values } from './adapter'

/** The post columns a roster may have: one for both committees, or one for each (the two-column layout). */
const POST_COLUMNS: readonly [field: string, side: SeatSide | null][] = [
  ['post', null],
  ['partyPost', 'party'],
  ['committeePost', 'committee']
]

export interface RowSeats {
  seats: Seats
  /** The column each side was read from, so a problem with that seat is reported under it. */
  fieldOf: { party: string | null; committee: string | null }
}

/**
 * The seats one row holds, read from whichever post columns the roster has. `side` is what a 所属组织 column
 * says, which places a bare 委员 in the one-column layout.
 */
export function seatsOfRow(values: Values, what: string, side: SeatSide | null = null): RowSeats | { problem: FieldProblem } {
  const out: RowSeats = { seats: { partyPost: null, committeePost: null }, fieldOf: { party: null, committee: null } }
  for (const [field, columnSide] of POST_COLUMNS) {
    const text = values[field]
    if (typeof text !== 'string' || text === '') continue
    const r = parseSeats(text, columnSide ?? side)
    if (!r.ok) return { problem: { field, message: r.reason } }
    if (!columnSide && side) {
      // A 所属组织 column names the committee: a post of the other one alone contradicts it.
      const [mine, other] = side === 'party' ? [r.seats.partyPost, r.seats.committeePost] : [r.seats.committeePost, r.seats.partyPost]
      if (!mine && other) return { problem: { field, message: `${side === 'party' ? '党组织' : '村(居)委会'}没有“${other}”职务（所属组织与职务不符）` } }
    }
    for (const [key, at] of [['partyPost', 'party'], ['committeePost', 'committee']] as const) {
      const post = r.seats[key]
      if (!post) continue
      const had = out.seats[key]
      if (had && had !== post) {
        const body = at === 'party' ? '党组织' : '村(居)委会'
        return { problem: { field, message: `${body}职务前后不一致（“${had}”和“${post}”），同一人在${body}只能任一个职务` } }
      }
      Object.assign(out.seats, { [key]: post })
      out.fieldOf[at] ??= field
    }
  }
  if (!out.seats.partyPost && !out.seats.committeePost) {
    const field = POST_COLUMNS.find(([f]) => f in values)?.[0] ?? 'post'
    return { problem: { field, message: `请填写${what}` } }
  }
  return out
}
