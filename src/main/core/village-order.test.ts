import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { nthId } from '../../../tests/fixtures/rosters'
import { personRecordInput } from '../../shared/cadre'
import { candidateInput } from '../../shared/candidate'
import { memberInput } from '../../shared/election'
import { seatsOf } from '../../shared/seats'
import { villageInput } from '../../shared/village'
import { batchStageInput } from '../../shared/vetting-batch'
import { fixedClock } from './clock'
import type { Services } from './services'
import { Store } from './store'
import { testServices, useTempDir } from './test-support'

/**
 * Lists grouped by village follow the register's order (division code, then natural name order), not the
 * villages' names as text: here 西村 (…001) comes before 东村 (…002), and 新建2村 (no code) before 新建10村.
 */
const tempDir = useTempDir()
let store: Store
let s: Services

beforeEach(() => {
  store = Store.fileStore(path.join(tempDir(), 'register.db'), { actor: '测试员' })
  s = testServices(store, fixedClock('2026-03-20'))
  return () => store.close()
})

const REGISTER_ORDER = ['西村', '东村', '新建2村', '新建10村']

function seed(): void {
  // Created in neither order: by name as text 东村 < 新建10村 < 新建2村 < 西村.
  for (const [name, divisionCode] of [['新建10村', null], ['东村', '330302001002'], ['新建2村', null], ['西村', '330302001001']] as const) {
    const v = s.villages.create(villageInput.parse({ name, kind: '村', township: '青山镇', divisionCode, partySeats: 5, committeeSeats: 5 }))
    const i = store.value<number>('SELECT count(*) FROM villages')!
    const person = s.personRecords.create(personRecordInput.parse({ person: { name: `${name}人选`, idNumber: nthId(9000 + i * 401) }, profile: {} }))
    s.candidates.propose(candidateInput.parse({ personId: person.person.id, villageId: v.id, ...seatsOf('党组织委员'), incumbent: false, source: '党员推荐', proposedOn: '2026-03-01' }))
    s.members.create(memberInput.parse({ villageId: v.id, term: '上届', body: '党组织', post: '书记', name: `${name}书记`, idNumber: nthId(20000 + i * 397) }))
  }
}

describe('one village order everywhere', () => {
  it('is the register’s own in the village list, the candidates, the members and a department’s sheet', () => {
    seed()
    expect(s.villages.list().map((v) => v.name)).toEqual(REGISTER_ORDER)
    expect(s.candidates.list().map((c) => c.villageName)).toEqual(REGISTER_ORDER)
    expect(s.members.roster({ term: '上届' }).map((m) => m.villageName)).toEqual(REGISTER_ORDER)
    const ids = s.candidates.list().map((c) => c.id)
    s.vettingBatch.recordStages(batchStageInput.parse({ candidateIds: ids, stage: '资格初审', result: '通过', decidedOn: '2026-03-02', decider: '乡镇党委' }))
    s.vettingBatch.sendToReview(ids, '2026-03-05')
    expect(s.vettingBatch.departmentSheet('公安').rows.map((r) => r.villageName)).toEqual(REGISTER_ORDER)
  })
})
