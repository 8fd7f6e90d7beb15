import { voterEligibility, type VoterCounts, type VoterRow } from '../../shared/voter'
import { committeeDateSql } from './election-days'
import type { TallyRow } from './voter-tallies'

/** How many voters a read of a village's list takes at a time. */
export const LIST_PAGE = 2000

export const ROW_SQL = `SELECT v.id AS id, v.village_id AS villageId, g.name AS villageName, ${committeeDateSql('g')} AS electionDate,
  v.person_id AS personId, p.id_number AS idNumber, p.name AS name, p.sex AS sex, p.birth_date AS birthDate, p.ethnicity AS ethnicity,
  v.group_name AS groupName, v.category AS category, v.address AS address, v.approval_date AS approvalDate,
  v.approval_meeting AS approvalMeeting, v.deprived AS deprived, v.status AS status, v.removed_reason AS removedReason, v.note AS note
  FROM voters v JOIN persons p ON p.id = v.person_id JOIN villages g ON g.id = v.village_id`

/** A voter as ROW_SQL reads it: the row before eligibility is worked out. */
export type VoterRecord = Omit<VoterRow, 'deprived' | 'ageOnElectionDay' | 'eligible' | 'ineligibleReason'> & { deprived: number; electionDate: string | null }


/**
 * A village's voters group by group in the given order, by id within a group, a page at a time from `page`
 * (whose parameters are @villageId, @group and the last @id read): keyset paging, so no cursor stays open
 * between pages. SQLite orders text by code points (第10组 before 第2组), so the groups are ordered here.
 */
export function* inListOrder<R>(page: (at: PageAt) => R[], villageId: number, groups: string[], idOf: (row: R) => number): IterableIterator<R[]> {
  for (const group of groups) {
    let id = 0
    for (;;) {
      const rows = page({ villageId, group, id })
      if (rows.length > 0) yield rows
      if (rows.length < LIST_PAGE) break
      id = idOf(rows[rows.length - 1])
    }
  }
}

/** Where a page of a village's list starts: its 村民小组 and the last id read. */
export interface PageAt {
  villageId: number
  group: string
  id: number
}

/** One line of the posted list. */
export type VoterListEntry = Pick<VoterRow, 'villageName' | 'groupName' | 'name' | 'sex' | 'birthDate' | 'ageOnElectionDay' | 'category' | 'note'>

export function toVoterRow(r: VoterRecord): VoterRow {
  // One object literal per row: exports map 100,000 rows, and copies per row were most of the cost.
  const deprived = r.deprived === 1
  const e = voterEligibility({ birthDate: r.birthDate, deprived }, r.electionDate)
  return {
    id: r.id,
    villageId: r.villageId,
    villageName: r.villageName,
    personId: r.personId,
    idNumber: r.idNumber,
    name: r.name,
    sex: r.sex,
    birthDate: r.birthDate,
    ethnicity: r.ethnicity,
    groupName: r.groupName,
    category: r.category,
    address: r.address,
    approvalDate: r.approvalDate,
    approvalMeeting: r.approvalMeeting,
    deprived,
    status: r.status,
    removedReason: r.removedReason,
    note: r.note,
    ageOnElectionDay: e.age,
    eligible: e.eligible && r.status === '在册',
    ineligibleReason: e.reason
  }
}

export function emptyCounts(villageId: number | null, villageName: string, groupName: string | null, electionDate: string | null): VoterCounts {
  return { villageId, villageName, groupName, electionDate, registered: 0, eligible: 0, deprived: 0, notOfAge: 0, women: 0, minority: 0, byCategory: [0, 0, 0] }
}

export function addCounts(c: VoterCounts, r: TallyRow): void {
  const n = (k: Exclude<keyof TallyRow, 'village_id' | 'group_name'>) => r[k]
  c.registered += n('registered')
  c.eligible += n('eligible')
  c.deprived += n('deprived')
  c.notOfAge += n('registered') - n('eligible') - n('deprived')
  c.women += n('women')
  c.minority += n('minority')
  c.byCategory = [c.byCategory[0] + n('c1'), c.byCategory[1] + n('c2'), c.byCategory[2] + n('c3')]
}
