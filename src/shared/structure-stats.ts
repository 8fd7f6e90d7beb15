import type { Body } from './election-rules'
import { ageOn } from './idcard'

/** Low to high; 大专及以上 and 全日制本科及以上 are read off this order. */
export const EDUCATION_LEVELS = ['初中及以下', '高中', '中专', '大专', '本科', '研究生'] as const
export type EducationLevel = (typeof EDUCATION_LEVELS)[number]
export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '群众', '民主党派'] as const
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number]

const levelIndex = (e: string | null | undefined) => EDUCATION_LEVELS.indexOf((e ?? '') as EducationLevel)
export const isCollegeOrAbove = (e: string | null | undefined) => levelIndex(e) >= EDUCATION_LEVELS.indexOf('大专')
export const isBachelorOrAbove = (e: string | null | undefined) => levelIndex(e) >= EDUCATION_LEVELS.indexOf('本科')
/** 预备党员 are counted with 党员, as the organisation departments' tables do. */
export const isPartyMember = (s: string | null | undefined) => s === '中共党员' || s === '中共预备党员'

/** One seat held by one person in one committee; a person on both committees has two. */
export interface MemberFact {
  villageId: number
  personId: number
  name: string
  sex: '男' | '女' | null
  birthDate: string | null
  body: Body
  post: string
  politicalStatus: string
  education: string
  fulltimeEducation: string
  /** The election day the age is counted on. */
  referenceDate: string | null
}

export interface Share {
  count: number
  of: number
}

export interface StructureStats {
  villages: number
  /** Distinct people on either committee. */
  members: number
  partyCommittee: number
  villagersCommittee: number
  oneShoulder: Share
  cross: Share
  party: Share
  women: Share
  womenSecretaries: number
  womenDirectors: number
  ageKnown: number
  ageSum: number
  averageAge: number | null
  age35: Share
  age45: Share
  age50: Share
  over60: Share
  college: Share
  fulltimeBachelor: Share
}

export function shareText(s: Share): string {
  if (s.of === 0) return '—'
  return `${s.count}/${s.of}（${(Math.round((s.count * 1000) / s.of) / 10).toFixed(1)}%）`
}

export const percent = (s: Share): number | null => (s.of === 0 ? null : Math.round((s.count * 1000) / s.of) / 10)

/**
 * The counts and shares of DOMAIN.md over one term's members:
 * 一肩挑 = villages whose 书记 is also 主任, of the villages counted;
 * 交叉任职 = people on both committees other than the 书记 who is also 主任, of all members;
 * ages on each member's reference date (the election day), over the members whose age is known.
 */
export function computeStructure(facts: MemberFact[]): StructureStats {
  const people = new Map<string, { seats: MemberFact[]; age: number | null }>()
  const villages = new Set<number>()
  for (const f of facts) {
    villages.add(f.villageId)
    const key = `${f.villageId}:${f.personId}`
    const entry = people.get(key) ?? { seats: [], age: null }
    entry.seats.push(f)
    if (entry.age === null && f.birthDate && f.referenceDate) entry.age = ageOn(f.birthDate, f.referenceDate)
    people.set(key, entry)
  }
  const attr = (seats: MemberFact[], k: 'politicalStatus' | 'education' | 'fulltimeEducation') => seats.find((s) => s[k])?.[k] ?? ''
  const holds = (seats: MemberFact[], body: Body, post: string) => seats.some((s) => s.body === body && s.post === post)

  const members = people.size
  let cross = 0, party = 0, women = 0, womenSecretaries = 0, womenDirectors = 0
  let ageKnown = 0, ageSum = 0, age35 = 0, age45 = 0, age50 = 0, over60 = 0, college = 0, fulltimeBachelor = 0
  const oneShoulderVillages = new Set<number>()
  for (const { seats, age } of people.values()) {
    const secretary = holds(seats, '党组织', '书记')
    const director = holds(seats, '村委会', '主任')
    const both = seats.some((s) => s.body === '党组织') && seats.some((s) => s.body === '村委会')
    if (secretary && director) oneShoulderVillages.add(seats[0].villageId)
    else if (both) cross++
    if (isPartyMember(attr(seats, 'politicalStatus'))) party++
    if (seats[0].sex === '女') {
      women++
      if (secretary) womenSecretaries++
      if (director) womenDirectors++
    }
    if (age !== null) {
      ageKnown++
      ageSum += age
      if (age <= 35) age35++
      if (age <= 45) age45++
      if (age <= 50) age50++
      if (age > 60) over60++
    }
    if (isCollegeOrAbove(attr(seats, 'education'))) college++
    if (isBachelorOrAbove(attr(seats, 'fulltimeEducation'))) fulltimeBachelor++
  }
  const of = (count: number, total = members): Share => ({ count, of: total })
  return {
    villages: villages.size,
    members,
    partyCommittee: new Set(facts.filter((f) => f.body === '党组织').map((f) => `${f.villageId}:${f.personId}`)).size,
    villagersCommittee: new Set(facts.filter((f) => f.body === '村委会').map((f) => `${f.villageId}:${f.personId}`)).size,
    oneShoulder: of(oneShoulderVillages.size, villages.size),
    cross: of(cross),
    party: of(party),
    women: of(women),
    womenSecretaries,
    womenDirectors,
    ageKnown,
    ageSum,
    averageAge: ageKnown === 0 ? null : Math.round((ageSum * 10) / ageKnown) / 10,
    age35: of(age35, ageKnown),
    age45: of(age45, ageKnown),
    age50: of(age50, ageKnown),
    over60: of(over60, ageKnown),
    college: of(college),
    fulltimeBachelor: of(fulltimeBachelor)
  }
}

export interface TrendItem {
  label: string
  direction: '升' | '降'
  outgoing: string
  incoming: string
  met: boolean | null
  reason: string
}

type ShareKey = 'cross' | 'age35' | 'college' | 'oneShoulder' | 'women'

/** "五升一降": 交叉任职, 年轻干部 (35岁及以下), 学历 (大专及以上), 一肩挑 and 女性 up; average age down. */
const UPS: { key: ShareKey; label: string }[] = [
  { key: 'cross', label: '交叉任职比例' },
  { key: 'age35', label: '35岁及以下年轻干部比例' },
  { key: 'college', label: '大专及以上学历比例' },
  { key: 'oneShoulder', label: '“一肩挑”比例' },
  { key: 'women', label: '女性成员比例' }
]

/** Compared exactly by cross-multiplying, so rounding to one decimal never decides "up" or "down". */
export function fiveUpOneDown(incoming: StructureStats, outgoing: StructureStats): TrendItem[] {
  const items: TrendItem[] = UPS.map(({ key, label }) => {
    const a = outgoing[key]
    const b = incoming[key]
    const base = { label, direction: '升' as const, outgoing: shareText(a), incoming: shareText(b) }
    if (a.of === 0 || b.of === 0) return { ...base, met: null, reason: a.of === 0 ? '缺少上届数据，无法比较' : '缺少本届数据，无法比较' }
    const cmp = b.count * a.of - a.count * b.of
    if (cmp > 0) return { ...base, met: true, reason: `由${percent(a)}%升至${percent(b)}%，实现上升` }
    if (cmp === 0 && a.count === a.of) return { ...base, met: true, reason: '上届与本届均为100%，保持全覆盖' }
    if (cmp === 0) return { ...base, met: false, reason: `与上届持平（${percent(b)}%），未实现上升` }
    return { ...base, met: false, reason: `由${percent(a)}%降至${percent(b)}%，未实现上升` }
  })
  const base = {
    label: '平均年龄',
    direction: '降' as const,
    outgoing: outgoing.averageAge === null ? '—' : `${outgoing.averageAge}岁`,
    incoming: incoming.averageAge === null ? '—' : `${incoming.averageAge}岁`
  }
  if (outgoing.ageKnown === 0 || incoming.ageKnown === 0) {
    items.push({ ...base, met: null, reason: outgoing.ageKnown === 0 ? '缺少上届年龄数据，无法比较' : '缺少本届年龄数据，无法比较' })
  } else {
    const cmp = incoming.ageSum * outgoing.ageKnown - outgoing.ageSum * incoming.ageKnown
    items.push({
      ...base,
      met: cmp < 0,
      reason:
        cmp < 0
          ? `由${outgoing.averageAge}岁降至${incoming.averageAge}岁，实现下降`
          : cmp === 0
            ? '与上届持平，未实现下降'
            : `由${outgoing.averageAge}岁升至${incoming.averageAge}岁，未实现下降`
    })
  }
  return items
}
