import type { BallotCandidate } from '../../shared/election'
import type { Body } from '../../shared/election-rules'
import { naturalCompare } from '../../shared/natural-order'
import { failure } from '../../shared/result'
import type { Store } from './store'
import { COMMITTEE_BODY_LABEL, PARTY_BODY_LABEL, seatsText, type Seats } from '../../shared/seats'

/**
 * The village's 人选 for one committee's ballot, formal candidates first. Formal means the path was walked:
 * 确定为正式候选人 recorded as 通过 after 公示, not merely the 人选类别 typed on the nomination.
 */
export function ballotCandidates(store: Store, villageId: number, body: Body): BallotCandidate[] {
  const rows = store.all<Omit<BallotCandidate, 'formal' | 'post' | 'postLabel'> & Seats & { confirmed: 0 | 1 }>(
    `SELECT c.id AS candidateId, c.person_id AS personId, p.name, p.id_number AS idNumber, p.sex, c.party_post AS partyPost, c.committee_post AS committeePost, c.pool,
         COALESCE(f.political_status, '') AS politicalStatus,
         EXISTS (SELECT 1 FROM candidate_stages s WHERE s.candidate_id = c.id AND s.stage = '确定为正式候选人' AND s.result = '通过') AS confirmed
       FROM candidates c JOIN persons p ON p.id = c.person_id LEFT JOIN person_profiles f ON f.person_id = c.person_id
       WHERE c.village_id = ? AND ${body === '党组织' ? 'c.party_post' : 'c.committee_post'} IS NOT NULL`,
    villageId
  )
  return rows
    .map(({ confirmed, partyPost, committeePost, ...r }) => ({
      ...r,
      post: body === '党组织' ? `${PARTY_BODY_LABEL}${partyPost}` : `${COMMITTEE_BODY_LABEL}${committeePost}`,
      postLabel: seatsText({ partyPost, committeePost }),
      formal: confirmed === 1
    }))
    .sort((a, b) => Number(b.formal) - Number(a.formal) || naturalCompare(a.name, b.name))
}

interface Entry {
  name: string
  idNumber: string | null
  personId: number | null
  writeIn: boolean
}

/**
 * Who a result line names. A listed candidate must be one of the village's 人选 for that committee and
 * past 公示 (正式候选人); a name that is neither is refused unless marked 另选他人. Villages whose vetting
 * was never entered here keep free entry. Returns the person, or null for a write-in not yet identified.
 */
export function entrantPerson(store: Store, villageId: number, body: Body, e: Entry): number | null {
  if (e.writeIn) return null
  const list = ballotCandidates(store, villageId, body)
  const found = e.personId
    ? list.find((c) => c.personId === e.personId)
    : list.find((c) => (e.idNumber ? c.idNumber === e.idNumber : c.name === e.name))
  // A village whose vetting was not entered here lists nobody: a result saved again keeps the persons it linked.
  if (e.personId && !found && list.length > 0) throw failure('validation', `“${e.name}”不是本村${body}的人选`)
  if (found && !found.formal) {
    throw failure(
      'validation',
      `“${found.name}”尚未确定为正式候选人（${found.pool === '正式候选人' ? '类别写为正式候选人，但未记录公示和确定环节' : `目前为${found.pool}`}），不能作为候选人录入选举结果：须公示期满并确定为正式候选人；如为选民另选，请勾选“另选他人”并填写身份证号`
    )
  }
  if (!found && list.some((c) => c.formal)) {
    throw failure('validation', `“${e.name}”不是本村${body}正式候选人：请从候选人中选择；如为选民另选，请勾选“另选他人”并填写身份证号`)
  }
  return found?.personId ?? null
}

/** An elected write-in must be identified: by ID number, matched to a person or created with it. */
export function requireIdentified(name: string, idNumber: string | null): void {
  if (!idNumber) throw failure('validation', `另选人“${name}”当选，须填写其身份证号以确认身份（与已有人员核对，或以身份证号新建）`)
}
