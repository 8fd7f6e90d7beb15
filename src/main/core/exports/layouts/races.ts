import type { Body } from '../../../../shared/election-rules'

/** A 正式候选人 as the day's papers print them. */
export interface RaceCandidate {
  name: string
  sex: string
  /** On the election day. */
  age: number | null
  education: string
  politicalStatus: string
}

/** One vote of election day: a committee's post, its seats and its candidates in 姓氏笔画 order. */
export interface Race {
  body: Body
  post: string
  /** Seats to fill; null where the village's 职数 is not entered (printed as a blank). */
  seats: number | null
  candidates: RaceCandidate[]
  /** A Party vote with as many candidates as seats (等额): each is marked 赞成, 不赞成 or 弃权. */
  approval: boolean
}

/** What the day's papers of one village need beside its races. */
export interface DayVillage {
  name: string
  kind: '村' | '社区'
  committeeDate: string | null
  partyDate: string | null
  /** 列入选民名单的选民 (one ballot each) and the Party members entitled to vote (when entered). */
  voters: number
  partyMembers: number | null
  races: Race[]
}

/** 村民委员会 or 居民委员会. */
export const committeeName = (kind: '村' | '社区'): string => (kind === '社区' ? '居民委员会' : '村民委员会')

/** The body's name on a ballot's title: 村民委员会 / 居民委员会, or the Party 支部委员会. */
export const raceBodyName = (v: Pick<DayVillage, 'kind'>, body: Body): string => (body === '党组织' ? '党组织委员会' : committeeName(v.kind))

/** How many may stand as another person's name (另选人) on a ballot or a count sheet: a line a seat, at least two. */
export const writeInLines = (r: Race): number => Math.max(2, r.seats ?? 1)

/** Seats of a number written on paper: a blank to fill when the 职数 is not entered. */
export const seatsText = (seats: number | null): string => (seats === null ? '＿＿' : String(seats))
