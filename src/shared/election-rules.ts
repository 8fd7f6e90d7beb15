/**
 * The legal thresholds of an election day, computed in whole numbers (no floating point can put a
 * candidate on the wrong side of "more than half"), each decision with its reason in Chinese.
 * 村民委员会组织法 第十五条; 中国共产党基层组织选举工作条例.
 */

export interface Fraction {
  num: number
  den: number
}

export interface ElectionThresholds {
  /** 村委会: valid when MORE than this share of registered voters vote. */
  turnout: Fraction
  /** 村委会: elected with MORE than this share of the votes cast. */
  elected: Fraction
  /** 另行选举: most votes wins, but NOT FEWER than this share of the votes cast. */
  runoffMin: Fraction
  /** 党组织: the meeting is valid when MORE than this share of the members entitled to vote are present. */
  partyQuorum: Fraction
  /** 党组织: elected with MORE than this share of the members present. */
  partyElected: Fraction
}

export const DEFAULT_THRESHOLDS: ElectionThresholds = {
  turnout: { num: 1, den: 2 },
  elected: { num: 1, den: 2 },
  runoffMin: { num: 1, den: 3 },
  partyQuorum: { num: 4, den: 5 },
  partyElected: { num: 1, den: 2 }
}

export const BODIES = ['村委会', '党组织'] as const
export type Body = (typeof BODIES)[number]
/** 正式选举; 另行选举 for the seats it left open (as many rounds as needed); 补选 later for a seat that fell vacant. */
export const ROUNDS = ['正式选举', '另行选举', '补选'] as const
export type Round = (typeof ROUNDS)[number]
export const POSTS: Record<Body, readonly string[]> = {
  村委会: ['主任', '副主任', '委员'],
  党组织: ['书记', '副书记', '委员']
}
export const BODY_NAMES: Record<Body, string> = { 村委会: '村(居)民委员会', 党组织: '村(社区)党组织委员会' }

const CN_DIGITS = '零一二三四五六七八九十'
const cn = (n: number) => (n <= 10 ? CN_DIGITS[n] : String(n))
/** 半数, 三分之一, 五分之四: as the law writes them. */
export const fractionText = (f: Fraction): string => (f.num * 2 === f.den ? '半数' : `${cn(f.den)}分之${cn(f.num)}`)

/** Smallest whole number strictly above base × f. */
export const moreThan = (base: number, f: Fraction): number => Math.floor((base * f.num) / f.den) + 1
/** Smallest whole number at or above base × f. */
export const atLeast = (base: number, f: Fraction): number => Math.ceil((base * f.num) / f.den)

export interface CandidateTally {
  key: string
  name: string
  sex: '男' | '女' | null
  votes: number
  /** 另选他人: a name written on the ballot, not on the candidate list. */
  writeIn: boolean
  /** Who the line is (person id, else ID number, else name): one person elected to two posts keeps the higher. */
  person?: string
}

export interface RaceTally {
  post: string
  seats: number
  candidates: CandidateTally[]
  /** 废票 of this post alone: ballots valid as a whole whose marks for this post are void (more marks than seats). */
  spoiled?: number
  /** A 书记/副书记 elected by the new 支部委员会 (not the members' meeting): counted over the committee members present. */
  electedBy?: '支部委员会' | null
  electors?: number | null
  /** 妇女委员定位产生: a seat only a woman can take. */
  reserved?: '妇女' | null
}

export interface ElectionTally {
  body: Body
  round: Round
  /** 村委会: registered voters. 党组织: members entitled to vote (应到会). */
  registered: number
  /** 党组织 only: members entitled to vote who are present (实到会). */
  present: number | null
  issued: number
  returned: number
  valid: number
  invalid: number
  /** 村委会 only: of those who voted (收回选票), how many by written proxy and how many through the mobile boxes. */
  proxyVotes?: number | null
  mobileVotes?: number | null
  races: RaceTally[]
}

/**
 * Counts that cannot be true together, field path → reason. A tally with any of these is refused,
 * never decided on.
 */
export function ballotProblems(t: ElectionTally): Record<string, string> {
  const p: Record<string, string> = {}
  const party = t.body === '党组织'
  if (party) {
    if (t.present === null) p.present = '党组织选举须填写实到会有选举权的党员数'
    else if (t.present > t.registered) p.present = `实到会人数（${t.present}）不能多于应到会人数（${t.registered}）`
    else if (t.issued > t.present) p.issued = `发出选票（${t.issued}）不能多于实到会人数（${t.present}）`
  } else if (t.issued > t.registered) {
    p.issued = `发出选票（${t.issued}）不能多于登记选民数（${t.registered}）`
  }
  if (!party) Object.assign(p, channelProblems(t))
  if (t.valid + t.invalid !== t.returned) {
    p.valid = `有效票（${t.valid}）与无效票（${t.invalid}）之和应等于收回选票（${t.returned}）`
  }
  if (t.races.length === 0) p.races = '至少应有一个选举职位'
  const posts = new Set<string>()
  t.races.forEach((r, i) => {
    if (posts.has(r.post)) p[`races.${i}.post`] = `职位“${r.post}”重复`
    posts.add(r.post)
    const total = r.candidates.reduce((s, c) => s + c.votes, 0)
    const spoiled = r.spoiled ?? 0
    const counted = r.electedBy ? (r.electors ?? 0) : t.valid - spoiled
    if (spoiled > t.valid) p[`races.${i}.spoiled`] = `“${r.post}”废票（${spoiled}）不能多于有效票（${t.valid}）`
    else if (total > counted * r.seats) {
      p[`races.${i}.candidates`] = r.electedBy
        ? `“${r.post}”各人得票之和（${total}）超过到会委员数 × 应选名额（${counted} × ${r.seats}）`
        : `“${r.post}”各人得票之和（${total}）超过有效票数${spoiled ? '减该职位废票' : ''} × 应选名额（${counted} × ${r.seats}）`
    }
    if (r.electedBy && (t.body !== '党组织' || !['书记', '副书记'].includes(r.post))) {
      p[`races.${i}.electedBy`] = '只有党组织书记、副书记可以由支部委员会选举产生'
    } else if (r.electedBy && !r.electors) p[`races.${i}.electors`] = `“${r.post}”由支部委员会选举，须填写到会委员人数`
    if (r.reserved && t.body !== '村委会') p[`races.${i}.reserved`] = '妇女委员定位产生只用于村(居)委会选举'
    r.candidates.forEach((c, j) => {
      if (r.reserved && c.sex !== '女') p[`races.${i}.candidates.${j}.sex`] = `${c.name}：妇女委员名额只能由女性当选${c.sex === null ? '，请填写身份证号以确认性别' : ''}`
    })
    const names = new Set<string>()
    r.candidates.forEach((c, j) => {
      if (c.votes > (r.electedBy ? (r.electors ?? 0) : t.valid)) p[`races.${i}.candidates.${j}.votes`] = `${c.name}的得票（${c.votes}）不能多于有效票（${t.valid}）`
      if (names.has(c.name)) p[`races.${i}.candidates.${j}.name`] = `“${r.post}”中${c.name}重复登记`
      names.add(c.name)
    })
  })
  return p
}

/** 委托投票 and 流动票箱投票 are counted among those who voted: neither, nor both together, may exceed them. */
function channelProblems(t: ElectionTally): Record<string, string> {
  const p: Record<string, string> = {}
  const proxy = t.proxyVotes ?? 0
  const mobile = t.mobileVotes ?? 0
  const voted = `参加投票人数（即收回选票，${t.returned}）`
  if (proxy > t.returned) p.proxyVotes = `委托投票人数（${proxy}）不能多于${voted}`
  if (mobile > t.returned) p.mobileVotes = `流动票箱投票人数（${mobile}）不能多于${voted}`
  else if (!p.proxyVotes && proxy + mobile > t.returned) {
    p.mobileVotes = `委托投票（${proxy}）与流动票箱投票（${mobile}）之和不能多于${voted}`
  }
  return p
}

export type CandidateStatus = '当选' | '未当选' | '得票相等待定' | '选举无效'

export interface CandidateDecision extends CandidateTally {
  rank: number
  status: CandidateStatus
  reason: string
}

export interface RaceDecision {
  post: string
  seats: number
  /** The fewest votes that can elect. */
  minVotes: number
  thresholdText: string
  candidates: CandidateDecision[]
  elected: number
  openSeats: number
  /** Equal votes at the last seat: those tied are not elected and vote again. */
  tie: boolean
  notes: string[]
}

export interface ElectionDecision {
  valid: boolean
  validity: string
  /** The number the vote shares are taken of: votes cast (村委会) or members present (党组织). */
  base: number
  races: RaceDecision[]
  notes: string[]
}

function validity(t: ElectionTally, th: ElectionThresholds): { valid: boolean; text: string; base: number } {
  // 收回的选票多于发出的选票: the count cannot be trusted, and the law makes the election void (选举无效).
  if (t.returned > t.issued) {
    return { valid: false, base: t.returned, text: `收回选票${t.returned}张，多于发出选票${t.issued}张，选举无效` }
  }
  if (t.body === '党组织') {
    const present = t.present ?? 0
    const need = moreThan(t.registered, th.partyQuorum)
    const share = fractionText(th.partyQuorum)
    const valid = present >= need
    return {
      valid,
      base: present,
      text: valid
        ? `应到会有选举权党员${t.registered}人，实到${present}人，超过${share}（至少需${need}人），选举有效`
        : `应到会有选举权党员${t.registered}人，实到${present}人，未超过${share}（至少需${need}人），选举无效`
    }
  }
  const need = moreThan(t.registered, th.turnout)
  const share = fractionText(th.turnout)
  const valid = t.returned >= need
  const exact = t.returned * th.turnout.den === t.registered * th.turnout.num ? '恰为' : '未超过'
  return {
    valid,
    base: t.returned,
    text: valid
      ? `登记选民${t.registered}人，参加投票${t.returned}人，超过${share}（至少需${need}人），选举有效`
      : `登记选民${t.registered}人，参加投票${t.returned}人，${exact}${share}，未过${share}（至少需${need}人），选举无效`
  }
}

/**
 * Decides one election: valid or not, then per post who is elected, ties at the last seat, and seats
 * left for 另行选举. Assumes `ballotProblems(t)` is empty.
 */
export function decideElection(t: ElectionTally, th: ElectionThresholds = DEFAULT_THRESHOLDS): ElectionDecision {
  const v = validity(t, th)
  const notes: string[] = []
  // Higher posts first: whoever one race elects is not elected again by a lower one (the seat passes on).
  const order = (r: RaceTally) => POSTS[t.body].indexOf(r.post)
  const taken = new Map<string, string>()
  const decided = [...t.races]
    .map((r, i) => ({ r, i }))
    .sort((a, b) => order(a.r) - order(b.r) || a.i - b.i)
    .map(({ r, i }) => ({ i, d: decideRace(r, t, th, v.valid, r.electedBy ? (r.electors ?? 0) : v.base, taken) }))
  const races = decided.sort((a, b) => a.i - b.i).map((x) => x.d)
  if (v.valid) {
    const open = races.reduce((s, r) => s + r.openSeats, 0)
    if (open > 0 && t.round === '正式选举') {
      notes.push(
        t.body === '村委会'
          ? `尚有${open}个名额未选出，应另行选举：以未当选人员中得票多的为候选人，得票多的当选，但不得少于已投选票数的${fractionText(th.runoffMin)}`
          : `尚有${open}个名额未选出，应在未当选人员中再次投票，得票超过实到会人数${fractionText(th.partyElected)}始得当选`
      )
    }
    if (races.some((r) => r.tie)) notes.push('有候选人在最后名额上得票相等，须就得票相等的人再次投票')
  }
  return { valid: v.valid, validity: v.text, base: v.base, races, notes }
}

function decideRace(r: RaceTally, t: ElectionTally, th: ElectionThresholds, valid: boolean, base: number, taken: Map<string, string>): RaceDecision {
  const runoff = t.round === '另行选举' && t.body === '村委会'
  const rule = t.body === '党组织' ? th.partyElected : th.elected
  const minVotes = runoff ? atLeast(base, th.runoffMin) : moreThan(base, rule)
  const baseName = r.electedBy ? '到会委员人数' : t.body === '党组织' ? '实到会人数' : runoff ? '已投选票数' : '参加投票人数'
  const thresholdText = runoff
    ? `另行选举：得票多的当选，但不得少于${baseName}${base}的${fractionText(th.runoffMin)}（至少${minVotes}票）`
    : `得票须超过${baseName}${base}的${fractionText(rule)}（至少${minVotes}票）`
  const sorted = [...r.candidates].sort((a, b) => b.votes - a.votes)
  const rankOf = (c: CandidateTally) => 1 + sorted.filter((x) => x.votes > c.votes).length

  if (!valid) {
    const candidates = sorted.map((c) => ({ ...c, rank: rankOf(c), status: '选举无效' as const, reason: '选举无效，得票不产生当选' }))
    return { post: r.post, seats: r.seats, minVotes, thresholdText, candidates, elected: 0, openSeats: r.seats, tie: false, notes: [] }
  }

  // A 书记 the 支部委员会 elects is one of the members the meeting elected: that is one person on two counts, not twice elected.
  const elsewhere = (c: CandidateTally) => (c.person && !r.electedBy ? taken.get(c.person) : undefined)
  const qualifies = (c: CandidateTally) => c.votes >= minVotes && !elsewhere(c)
  const qualified = sorted.filter(qualifies)
  // The votes of the last seat: everyone above it is in; everyone on it is in only if all fit.
  const cutoff = qualified.length > r.seats ? qualified[r.seats - 1].votes : -1
  const above = qualified.filter((c) => c.votes > cutoff)
  const onCutoff = qualified.filter((c) => c.votes === cutoff)
  const tie = cutoff >= 0 && above.length + onCutoff.length > r.seats && above.length < r.seats
  const electedKeys = new Set((tie ? above : qualified.slice(0, r.seats)).map((c) => c.key))

  const shareText = (c: CandidateTally) => {
    if (runoff) return `得票${c.votes}，${c.votes >= minVotes ? '不少于' : '少于'}${baseName}的${fractionText(th.runoffMin)}（${minVotes}票）`
    const exact = c.votes * rule.den === base * rule.num
    return c.votes >= minVotes
      ? `得票${c.votes}，超过${baseName}${base}的${fractionText(rule)}`
      : `得票${c.votes}，${exact ? '恰为' : '未超过'}${baseName}${base}的${fractionText(rule)}（至少需${minVotes}票）`
  }

  const candidates: CandidateDecision[] = sorted.map((c) => {
    const rank = rankOf(c)
    const higher = elsewhere(c)
    if (higher) return { ...c, rank, status: '未当选', reason: `得票${c.votes}，但已当选为${higher}，一人不能当选两个职位，此职位不计其当选` }
    if (electedKeys.has(c.key)) {
      return { ...c, rank, status: '当选', reason: `${shareText(c)}，按得票多少排第${rank}位，在应选${r.seats}名之内，当选` }
    }
    if (!qualifies(c)) return { ...c, rank, status: '未当选', reason: `${shareText(c)}，未当选` }
    if (tie && c.votes === cutoff) {
      const others = onCutoff.filter((x) => x.key !== c.key).map((x) => x.name).join('、')
      return {
        ...c,
        rank,
        status: '得票相等待定',
        reason: `${shareText(c)}，与${others}得票相等并列第${rank}位，剩余${r.seats - above.length}个名额不足以全部当选，须就此再次投票`
      }
    }
    return { ...c, rank, status: '未当选', reason: `${shareText(c)}，但排第${rank}位，应选${r.seats}名已满，未当选` }
  })
  if (!r.electedBy) for (const c of sorted) if (electedKeys.has(c.key) && c.person) taken.set(c.person, r.post)
  const elected = electedKeys.size
  const openSeats = r.seats - elected
  const notes: string[] = []
  if (tie) notes.push(`${onCutoff.map((c) => c.name).join('、')}得票相等（各${cutoff}票），须就此再次投票`)
  if (openSeats > 0) notes.push(`应选${r.seats}名，当选${elected}名，尚缺${openSeats}名`)
  return { post: r.post, seats: r.seats, minVotes, thresholdText, candidates, elected, openSeats, tie, notes }
}

/** 村民委员会成员中应当有妇女成员: checked over everyone elected to the committee. */
export function womanMemberCheck(elected: { name: string; sex: '男' | '女' | null }[]): { ok: boolean; reason: string } {
  if (elected.length === 0) return { ok: false, reason: '尚无当选的村(居)委会成员' }
  const women = elected.filter((m) => m.sex === '女')
  if (women.length > 0) return { ok: true, reason: `有妇女成员：${women.map((w) => w.name).join('、')}` }
  const unknown = elected.filter((m) => m.sex === null)
  if (unknown.length > 0) return { ok: false, reason: `当选成员中没有已知的女性，${unknown.map((u) => u.name).join('、')}的性别不详，请补充身份证号` }
  return { ok: false, reason: '村(居)委会成员中没有妇女成员，不符合“应当有妇女成员”的规定，须通过另行选举等方式补足' }
}
