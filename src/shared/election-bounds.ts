import { POSTS, type Body, type Round } from './election-rules'

/**
 * Who can be elected, across the rounds of one committee: the size the law and the village's 职数 give it,
 * the seats an 另行选举 or 补选 may still fill, nobody elected twice, and the Party's 中共党员 rule. Refusals
 * (field path → reason) stop a save; warnings are shown beside a result the law still accepts.
 */
export interface Entrant {
  name: string
  personId: number | null
  idNumber: string | null
  writeIn: boolean
}

export interface BoundsRace {
  post: string
  seats: number
  electedBy?: '支部委员会' | null
  reserved?: '妇女' | null
  candidates: Entrant[]
}

export interface BoundsElection {
  body: Body
  round: Round
  heldOn: string
  races: BoundsRace[]
}

/** Another result of the same village and committee, as decided. */
export interface EarlierResult {
  round: Round
  heldOn: string
  valid: boolean
  races: { post: string; seats: number; electedBy: '支部委员会' | null; elected: Entrant[] }[]
}

export interface BoundsContext {
  committeeSeats: number | null
  partySeats: number | null
  earlier: EarlierResult[]
  /** 本届 members of the committee now (a 补选 fills what they leave). */
  holding: (Entrant & { post: string })[]
  /** The person's 政治面貌 where the register knows it, else ''. */
  politicalStatus: (e: Entrant) => string
  /** 党组织委员差额比例 (%), a setting. */
  partyMarginPercent: number
}

/** The same person: by the register's person, else by ID number, else (neither known on either side) by name. */
export function samePerson(a: Entrant, b: Entrant): boolean {
  if (a.personId && b.personId) return a.personId === b.personId
  if (a.idNumber && b.idNumber) return a.idNumber === b.idNumber
  if ((a.personId || a.idNumber) && (b.personId || b.idNumber)) return false
  return a.name.trim() === b.name.trim()
}

const MEMBERS_LAW = '村民委员会由主任、副主任和委员共三至七人组成'
const BODY_WORD: Record<Body, string> = { 村委会: '村(居)委会', 党组织: '党组织委员会' }
const sizeOf = (body: Body, ctx: BoundsContext) => (body === '村委会' ? ctx.committeeSeats : ctx.partySeats)
const seatsOf = (races: Pick<BoundsRace, 'seats' | 'electedBy'>[]) => races.filter((r) => !r.electedBy).reduce((s, r) => s + r.seats, 0)
const head = (body: Body) => POSTS[body][0]

export function boundsProblems(e: BoundsElection, ctx: BoundsContext): Record<string, string> {
  const p: Record<string, string> = {}
  const main = ctx.earlier.filter((x) => x.round === '正式选举' && x.valid)
  const top = head(e.body)
  if (e.round === '正式选举') {
    // Posts may be voted on separate ballots (and entered as separate results): the size counts them all.
    e.races.forEach((r, i) => {
      if (r.post === top && r.seats !== 1 && !r.electedBy) p[`races.${i}.seats`] = `${top}只能选1名`
      const before = main.find((m) => m.races.some((x) => x.post === r.post))
      if (before) p[`races.${i}.post`] = `本村${e.body}“${r.post}”已有有效的正式选举结果（${before.heldOn}），未选足的名额应另行选举，出缺的名额应补选`
    })
    const total = seatsOf(e.races) + main.reduce((s, m) => s + seatsOf(m.races), 0)
    const size = sizeOf(e.body, ctx)
    if (e.body === '村委会' && total > 7) p.races = `应选名额合计${total}名：${MEMBERS_LAW}`
    else if (size !== null && total > size) p.races = `应选名额合计${total}名，超过本村${BODY_WORD[e.body]}职数${size}名`
  } else if (main.length === 0) {
    p.round = `本村${e.body}还没有有效的正式选举结果，不能${e.round}`
  }
  e.races.forEach((r, i) => {
    const seatsFor = (post: string) => main.flatMap((m) => m.races).filter((x) => x.post === post).reduce((s, x) => s + x.seats, 0)
    if (e.round === '另行选举') {
      const filled = ctx.earlier.filter((x) => x.valid && x.round !== '补选').flatMap((x) => x.races).filter((x) => x.post === r.post).reduce((s, x) => s + x.elected.length, 0)
      const open = seatsFor(r.post) - filled
      if (r.seats > open) p[`races.${i}.seats`] = `另行选举“${r.post}”应选${r.seats}名，但正式选举后只剩${Math.max(open, 0)}个名额未选出`
    } else if (e.round === '补选') {
      const vacant = seatsFor(r.post) - ctx.holding.filter((h) => h.post === r.post).length
      if (r.seats > vacant) p[`races.${i}.seats`] = `补选“${r.post}”应选${r.seats}名，但本届${r.post}只出缺${Math.max(vacant, 0)}名`
    }
    if (r.reserved && r.post !== '委员') p[`races.${i}.reserved`] = '妇女委员定位产生的名额应为委员'
    r.candidates.forEach((c, j) => {
      const at = `races.${i}.candidates.${j}.name`
      if (e.round !== '正式选举') {
        const before = ctx.earlier.filter((x) => x.valid).flatMap((x) => x.races.flatMap((y) => y.elected.filter((m) => samePerson(m, c)).map(() => `${x.heldOn}${x.round}中当选为${y.post}`)))
        const holds = ctx.holding.find((h) => samePerson(h, c))
        if (before.length > 0) p[at] = `${c.name}已于${before[0]}，不能再次当选`
        else if (e.round === '补选' && holds) p[at] = `${c.name}现任本届${holds.post}，不能再次当选`
      }
      const status = ctx.politicalStatus(c)
      if (e.body === '党组织' && status !== '' && status !== '中共党员') {
        p[at] ??= `${c.name}的政治面貌为${status}，不能当选党组织委员会成员（须为中共党员${status === '中共预备党员' ? '，预备党员没有被选举权' : ''}）`
      }
    })
  })
  return p
}

/** What the law wants and the result does not show, without refusing it. */
export function boundsWarnings(e: BoundsElection, ctx: BoundsContext): string[] {
  const w: string[] = []
  if (e.round === '正式选举') {
    const main = ctx.earlier.filter((x) => x.round === '正式选举' && x.valid)
    const total = seatsOf(e.races) + main.reduce((s, m) => s + seatsOf(m.races), 0)
    const size = sizeOf(e.body, ctx)
    if (e.body === '村委会' && total < 3) w.push(`正式选举应选名额合计${total}名：${MEMBERS_LAW}，如其余职位另行录入请一并核对`)
    else if (size !== null && total < size) w.push(`正式选举应选名额合计${total}名，少于本村${BODY_WORD[e.body]}职数${size}名`)
  }
  for (const r of e.races) {
    const listed = r.candidates.filter((c) => !c.writeIn).length
    if (r.electedBy) continue
    if (e.body === '村委会' && listed <= r.seats) {
      w.push(`“${r.post}”候选人${listed}名，应选${r.seats}名：${e.round}应实行差额选举，候选人应多于应选名额`)
    }
    if (e.body === '党组织' && r.post === '委员' && e.round === '正式选举') {
      const need = Math.ceil((r.seats * (100 + ctx.partyMarginPercent)) / 100)
      if (listed < need) w.push(`“委员”候选人${listed}名，应选${r.seats}名：差额不少于${ctx.partyMarginPercent}%，应至少${need}名`)
    }
  }
  for (const r of e.races) {
    const unknown = e.body === '党组织' ? r.candidates.filter((c) => ctx.politicalStatus(c) === '') : []
    if (unknown.length > 0) w.push(`${unknown.map((c) => c.name).join('、')}的政治面貌未登记，当选党组织委员会成员须为中共党员，请核实`)
  }
  return w
}
