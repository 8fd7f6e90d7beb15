import { afterEach, beforeEach, expect, it } from 'vitest'
import { idNumber, voterRows, xlsxBuffer } from '../../../tests/fixtures/rosters'
import { villageInput } from '../../shared/village'
import { townshipElectionDaysSetting as TOWNSHIP_ELECTION_DAYS } from '../../shared/settings'
import { Store } from './store'
import { testServices } from './test-support'

let store: Store
let plain: number
let own: number
beforeEach(() => {
  store = Store.memoryStore()
  const villages = testServices(store).villages
  plain = villages.create(villageInput.parse({ name: '龙山村', kind: '村' })).id
  own = villages.create(villageInput.parse({ name: '凤凰村', kind: '村', committeeElectionDate: '2026-12-20' })).id
})
afterEach(() => store.close())

// 18 on 2026-11-26, not yet on 2026-11-25.
const TURNS_18 = idNumber('20081126', 15, '男')

it('lets voters be imported before a village’s own day is typed, counting age on the township’s day; a village’s own day comes first', async () => {
  const imports = testServices(store).imports
  const roster = await xlsxBuffer([{ name: '选民', rows: voterRows([{ name: '张小军', id: TURNS_18, category: '一类' }]) }])
  await expect(imports.read('voters', { bytes: roster, name: 'v.xlsx' }, { villageId: plain })).rejects.toThrow('选举日')

  const settings = testServices(store).settings
  settings.set(TOWNSHIP_ELECTION_DAYS, { partyElectionDate: '2026-11-20', committeeElectionDate: '2026-11-25' })
  const early = await imports.read('voters', { bytes: roster, name: 'v.xlsx' }, { villageId: plain })
  expect(early.preview.problems.map((p) => p.message)).toEqual([expect.stringContaining('张小军')])

  settings.set(TOWNSHIP_ELECTION_DAYS, { partyElectionDate: '2026-11-20', committeeElectionDate: '2026-11-26' })
  const ok = await imports.read('voters', { bytes: roster, name: 'v.xlsx' }, { villageId: plain })
  expect(ok.preview.problems).toEqual([])
  imports.commit(ok.analysis)
  expect(testServices(store).voters.list({ villageId: plain }).rows[0]).toMatchObject({ name: '张小军', ageOnElectionDay: 18, eligible: true })
  expect(testServices(store).voters.counts().total).toMatchObject({ registered: 1, eligible: 1 })

  const members = testServices(store).members
  const seat = (villageId: number, body: '党组织' | '村委会') =>
    members.create({ villageId, term: '本届', body, post: '委员', idNumber: null, name: `${villageId}${body}`, sex: null, electedOn: null, politicalStatus: '', education: '', fulltimeEducation: '' })
  expect(seat(plain, '党组织').referenceDate).toBe('2026-11-20')
  expect(seat(plain, '村委会').referenceDate).toBe('2026-11-26')
  expect(seat(own, '村委会').referenceDate).toBe('2026-12-20')
})
