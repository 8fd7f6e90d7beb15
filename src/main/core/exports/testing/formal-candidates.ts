import { makeIdNumber } from '../../../../../tests/fixtures/ids'
import { personRecordInput } from '../../../../shared/cadre'
import { candidateInput } from '../../../../shared/candidate'
import type { Store } from '../../store'
import { testServices } from '../../test-support'

export type Seat = { party?: '书记' | '副书记' | '委员'; committee?: '主任' | '副主任' | '委员' }

/**
 * A 正式候选人 as the day's papers see one: a person with a cadre record (Party members for a Party seat),
 * proposed for a seat, and past 确定为正式候选人 (recorded directly: the vetting path has its own tests).
 */
export function addFormalCandidate(
  store: Store,
  villageId: number,
  c: { name: string; birth: string; sex: '男' | '女'; n: number; seat: Seat; education?: '高中' | '大专' | '本科' }
): void {
  const s = testServices(store)
  const person = s.personRecords.create(
    personRecordInput.parse({
      person: { name: c.name, idNumber: makeIdNumber(c.birth, c.sex, c.n), villageId },
      profile: { politicalStatus: c.seat.party ? '中共党员' : '群众', fullTimeEducation: { level: c.education ?? '高中' } }
    })
  ).person.id
  const candidate = s.candidates.propose(
    candidateInput.parse({ personId: person, villageId, partyPost: c.seat.party ?? null, committeePost: c.seat.committee ?? null, source: '群众推荐', proposedOn: '2026-01-05' })
  )
  store.run(
    `INSERT INTO candidate_stages (candidate_id, stage, result, decided_on, decider, created_at) VALUES (?, '确定为正式候选人', '通过', '2026-02-20', '村选举委员会', '2026-02-20T00:00:00Z')`,
    candidate.id
  )
}
