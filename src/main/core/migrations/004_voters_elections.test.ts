import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { makeIdNumber } from '../../../../tests/fixtures/ids'
import { voterInput } from '../../../shared/voter'
import { villageInput } from '../../../shared/village'
import { Store } from '../store'
import { testServices } from '../test-support'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

it('applies on a file written at version 2, keeping its villages and people', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-m4-'))
  dirs.push(dir)
  const file = path.join(dir, 'office.db')
  const old = Store.fileStore(file, { targetVersion: 2 })
  const villageId = testServices(old).villages.create(villageInput.parse({ name: '东山村', kind: '村', committeeElectionDate: '2026-03-01' })).id
  old.close()

  const store = Store.fileStore(file)
  expect(store.version).toBeGreaterThanOrEqual(4)
  expect(store.backupBeforeMigration).not.toBeNull()
  const voter = testServices(store).voters.create(voterInput.parse({ villageId, idNumber: makeIdNumber('1980-01-01', '男'), name: '张三', category: 1 }))
  expect(() => testServices(store).persons.remove(voter.personId)).toThrow('选民登记 1 条')
  expect(() => testServices(store).villages.remove(villageId)).toThrow('选民登记 1 条')
  store.close()
})
