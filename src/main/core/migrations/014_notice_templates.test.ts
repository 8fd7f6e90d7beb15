import path from 'node:path'
import { expect, it } from 'vitest'
import { villageInput } from '../../../shared/village'
import { Store } from '../store'
import { testServices, useTempDir } from '../test-support'

const tempDir = useTempDir()

it('opens a version-11 file keeping its villages; the notices print the shipped wording until the office saves its own', () => {
  const file = path.join(tempDir(), 'office.db')
  const old = Store.fileStore(file, { targetVersion: 11 })
  testServices(old).villages.create(villageInput.parse({ name: '东岭村', kind: '村' }))
  old.close()
  const store = Store.fileStore(file)
  const s = testServices(store)
  expect(s.villages.list().map((v) => v.name)).toEqual(['东岭村'])
  expect(s.noticeTemplates.current('选民名单')).toMatchObject({ version: 0, savedAt: null })
  s.noticeTemplates.save('选民名单', { title: '{村社}选民名单', body: '共{选民人数}人' })
  expect(s.noticeTemplates.current('选民名单')).toMatchObject({ version: 1, body: '共{选民人数}人' })
  // A version is written once: the same number again is refused by the file itself.
  expect(() => store.run(`INSERT INTO notice_templates (notice, version, title, body, saved_at) VALUES ('选民名单', 1, 't', 'b', 'x')`)).toThrow(/UNIQUE/)
  store.close()
})
