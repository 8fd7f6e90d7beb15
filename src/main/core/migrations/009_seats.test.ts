import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { idNumber } from '../../../../tests/fixtures/rosters'
import { villageInput } from '../../../shared/village'
import { Store } from '../store'
import { testServices } from '../test-support'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

const OLD_POSTS = ['一肩挑', '交叉任职', '党组织书记', '党组织副书记', '党组织委员', '村委会主任', '村委会副主任', '村委会委员'] as const

it('opens a version-6 file with 一肩挑 and 交叉任职 candidates and members, keeping every row', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-m7-'))
  dirs.push(dir)
  const file = path.join(dir, 'office.db')
  const old = Store.fileStore(file, { targetVersion: 6 })
  const villageId = testServices(old).villages.create(villageInput.parse({ name: '东山村', kind: '村', committeeElectionDate: '2026-03-01' })).id
  const persons = testServices(old).persons
  const people = OLD_POSTS.map((_, i) =>
    persons.create({ idNumber: idNumber(`1975030${i + 1}`, 20 + i * 3, i % 2 ? '女' : '男'), name: `人选${i + 1}`, sex: null, birthDate: null, ethnicity: '', villageId, phone: '' })
  )
  const insert = old.db.prepare(
    `INSERT INTO candidates (person_id, village_id, post, incumbent, source, pool, proposed_on, note, created_at, updated_at)
     VALUES (?, ?, ?, 0, ?, '初步人选', '2026-01-10', ?, '2026-01-10T09:00:00+08:00', '2026-01-10T09:00:00+08:00')`
  )
  OLD_POSTS.forEach((post, i) => insert.run(people[i].id, villageId, post, i % 2 ? '群众推荐' : '党员推荐', `备注${i + 1}`))
  old.db.prepare(`INSERT INTO candidate_stages (candidate_id, stage, result, decided_on, decider, created_at) SELECT id, '资格初审', '通过', '2026-01-20', '镇党委', '2026-01-20' FROM candidates WHERE post = '交叉任职'`).run()
  const members = testServices(old).members
  const seat = (i: number, body: '党组织' | '村委会', post: '书记' | '主任' | '委员') =>
    members.upsertIn(
      { villageId, term: '上届', body, post, idNumber: people[i].idNumber, name: people[i].name, sex: null, electedOn: '2021-03-01', politicalStatus: '中共党员', education: '大专', fulltimeEducation: '' },
      () => {}
    )
  seat(0, '党组织', '书记')
  seat(0, '村委会', '主任')
  seat(1, '党组织', '委员')
  seat(1, '村委会', '委员')
  seat(2, '村委会', '委员')
  const before = old.db.prepare('SELECT * FROM committee_members ORDER BY id').all()
  old.close()

  const store = Store.fileStore(file)
  expect(store.version).toBeGreaterThanOrEqual(9)
  expect(store.backupBeforeMigration).not.toBeNull()
  const candidates = testServices(store).candidates.list()
  expect(candidates.map((c) => [c.name, c.partyPost, c.committeePost, c.source, c.note])).toEqual(
    expect.arrayContaining([
      ['人选1', '书记', '主任', '党员推荐', '备注1'],
      ['人选2', null, null, '群众推荐', '备注2'],
      ['人选3', '书记', null, '党员推荐', '备注3'],
      ['人选4', '副书记', null, '群众推荐', '备注4'],
      ['人选5', '委员', null, '党员推荐', '备注5'],
      ['人选6', null, '主任', '群众推荐', '备注6'],
      ['人选7', null, '副主任', '党员推荐', '备注7'],
      ['人选8', null, '委员', '群众推荐', '备注8']
    ])
  )
  expect(candidates).toHaveLength(OLD_POSTS.length)
  // The 交叉任职 row is listed for the clerk to complete, its vetting record kept, nothing guessed.
  const pending = testServices(store).candidates.list({ post: '职务待补充' })
  expect(pending.map((c) => c.name)).toEqual(['人选2'])
  expect(pending[0].progress.steps.find((s) => s.stage === '资格初审')?.state).toBe('通过')
  expect(testServices(store).audit.list().filter((e) => e.action === 'migrate').map((e) => e.summary)).toEqual([
    '人选“人选2”原登记为“交叉任职”，未写明两边的职务，请补充拟任党组织职务和村(居)委会职务'
  ])
  expect(store.db.prepare('SELECT * FROM committee_members ORDER BY id').all()).toEqual(before)
  expect(testServices(store).statistics.structure().township.outgoing).toMatchObject({ members: 3, oneShoulder: { count: 1, of: 1 }, cross: { count: 1, of: 3 } })
  const fk = store.db.pragma('foreign_key_check') as unknown[]
  expect(fk).toEqual([])
  store.close()
})
