import { committeeDateSql } from './election-days'
import type { Reads } from './store'
import { latestBirthDateOfAge } from '../../shared/idcard'
import { VOTER_AGE } from '../../shared/voter'

const DAY = committeeDateSql('villages')

/** One village's or 村民小组's figures as VoterService.counts adds them up. */
export type TallyRow = Record<'registered' | 'deprived' | 'eligible' | 'women' | 'minority' | 'c1' | 'c2' | 'c3', number> & {
  village_id: number
  group_name: string
}

interface Part {
  villageId: number
  groupName: string
  category: number
  sex: string
  minority: number
  n: number
}

/**
 * The voter counts of one village (or all), by 村民小组, from the kept tallies (migration 7): everyone on the
 * list, less those who are not of age on their village's election day (born after its cutoff, or of unknown
 * birth), found through the birth-date index. A village without an election day has no one eligible yet.
 */
export function tallyCounts(reads: Reads, villageId: number | null): TallyRow[] {
  const dated = new Set(reads.all<{ id: number }>(`SELECT id FROM villages WHERE ${DAY} IS NOT NULL AND (@id IS NULL OR id = @id)`, { id: villageId }).map((v) => v.id))
  const rows = new Map<string, TallyRow>()
  const rowOf = (p: Part): TallyRow => {
    const key = `${p.villageId}\u0000${p.groupName}`
    let r = rows.get(key)
    if (!r) {
      r = { village_id: p.villageId, group_name: p.groupName, registered: 0, deprived: 0, eligible: 0, women: 0, minority: 0, c1: 0, c2: 0, c3: 0 }
      rows.set(key, r)
    }
    return r
  }
  const addEligible = (r: TallyRow, p: Part, sign: 1 | -1): void => {
    const n = sign * p.n
    r.eligible += n
    if (p.sex === '女') r.women += n
    if (p.minority) r.minority += n
    r[`c${p.category}` as 'c1'] += n
  }
  const tallies = reads.all<Part & { deprived: number }>(
    `SELECT village_id AS villageId, group_name AS groupName, category, deprived, sex, minority, n FROM voter_tallies
     WHERE n > 0 AND (@id IS NULL OR village_id = @id) ORDER BY village_id, group_name`,
    { id: villageId }
  )
  for (const t of tallies) {
    const r = rowOf(t)
    r.registered += t.n
    if (t.deprived) r.deprived += t.n
    else if (dated.has(t.villageId)) addEligible(r, t, 1)
  }
  // The latest eligible birth date of each village, as text (latestBirthDateOfAge).
  const cutoffs = reads
    .all<{ id: number; day: string }>(`SELECT id, ${DAY} AS day FROM villages WHERE (@id IS NULL OR id = @id) AND ${DAY} IS NOT NULL`, { id: villageId })
    .map((v) => ({ id: v.id, cutoff: latestBirthDateOfAge(v.day, VOTER_AGE) }))
  if (cutoffs.length === 0) return [...rows.values()]
  const cutoff = new Map(cutoffs.map((c) => [c.id, c.cutoff]))
  const earliest = cutoffs.reduce((m, c) => (c.cutoff < m ? c.cutoff : m), cutoffs[0].cutoff)
  // From the people born after the earliest cutoff (or of unknown birth), through the birth-date index, to
  // their place on a list: CROSS JOIN keeps SQLite from reading every voter instead.
  const young = reads.all<Part & { birthDate: string | null }>(
    `SELECT v.village_id AS villageId, v.group_name AS groupName, v.category, coalesce(p.sex, '') AS sex, (p.ethnicity NOT IN ('', '汉', '汉族')) AS minority,
         p.birth_date AS birthDate, count(*) AS n
       FROM (SELECT id, sex, ethnicity, birth_date FROM persons WHERE birth_date > @earliest
             UNION ALL SELECT id, sex, ethnicity, birth_date FROM persons WHERE birth_date IS NULL) p
       CROSS JOIN voters v ON v.person_id = p.id AND v.status = '在册' AND v.deprived = 0
       WHERE @id IS NULL OR v.village_id = @id
       GROUP BY 1, 2, 3, 4, 5, 6`,
    { id: villageId, earliest }
  )
  for (const y of young) {
    const c = cutoff.get(y.villageId)
    if (c !== undefined && (y.birthDate === null || y.birthDate > c)) addEligible(rowOf(y), y, -1)
  }
  return [...rows.values()]
}
/** How many are on the list (在册) for these filters, from the tallies instead of counting the voters. */
export function listedTotal(
  reads: Reads,
  f: { villageId: number | null; groupName: string | null; category: number | null }
): number {
  return (
    reads.value<number>(
      `SELECT coalesce(sum(n), 0) FROM voter_tallies WHERE (@villageId IS NULL OR village_id = @villageId)
       AND (@groupName IS NULL OR group_name = @groupName) AND (@category IS NULL OR category = @category)`,
      f
    ) ?? 0
  )
}
