import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../../tests/fixtures/ids'
import { buildApi } from '../../api'
import { bodyMemberInput } from '../../../shared/bodies'
import type { ExportInput } from '../../../shared/exports'
import { villageInput } from '../../../shared/village'
import { Store } from '../store'
import { testServices } from '../test-support'
import { hasCommand, libreOfficeCsv, tempDir } from './testing/files'

let dir: string
let store: Store

beforeEach(() => {
  dir = tempDir()
  store = Store.fileStore(path.join(dir, 'office.db'))
  const s = testServices(store)
  const village = (name: string) => s.villages.create(villageInput.parse({ name, kind: '村', township: '青山镇', committeeElectionDate: '2026-03-01' })).id
  const east = village('东岭村')
  const west = village('西坡村')
  const add = (villageId: number, body: string, post: string, name: string, birth: string, sex: '男' | '女', n: number, groupName = '') =>
    s.bodies.create(bodyMemberInput.parse({ villageId, body, post, name, idNumber: makeIdNumber(birth, sex, n), groupName, electedOn: '2026-03-05' }))
  add(east, '监督委员会', '主任', '周监督', '1968-05-01', '男', 1)
  add(east, '监督委员会', '委员', '吴委员', '1979-09-01', '女', 2)
  add(west, '监督委员会', '主任', '郑监督', '1972-02-01', '男', 3)
  add(east, '村民代表', '代表', '王代表', '1980-01-01', '女', 4, '一组')
  add(east, '村民代表', '代表', '冯代表', '1981-01-01', '男', 5, '二组')
  add(west, '村民代表', '代表', '陈代表', '1982-01-01', '男', 6, '一组')
  add(west, '村民小组长', '组长', '褚组长', '1975-06-01', '男', 7, '第三村民小组')
})
afterEach(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function sheet(input: ExportInput, name: string): Promise<string> {
  const r = await buildApi(store).exports.file(input)
  if (!r.ok) throw new Error(r.error.message)
  const file = path.join(dir, name)
  fs.writeFileSync(file, Buffer.from(r.value.base64, 'base64'))
  return libreOfficeCsv(file)!
}

describe.skipIf(!hasCommand('soffice'))('the other bodies’ rosters as LibreOffice reads them', () => {
  it('lists each body by village with posts, groups and birth months, and the women’s share of the 村民代表', async () => {
    const sup = await sheet({ table: 'supervisors', format: 'xlsx' }, 'sup.xlsx')
    expect(sup).toContain('青山镇2026年村(居)务监督委员会成员名册')
    expect(sup).toContain('1,东岭村,周监督,男,1968.05,主任,2026.03.05,')
    expect(sup).toContain('2,东岭村,吴委员,女,1979.09,委员,2026.03.05,')
    expect(sup).toContain('3,西坡村,郑监督,男,1972.02,主任,2026.03.05,')
    expect(sup).not.toContain('代表')

    const reps = await sheet({ table: 'representatives', format: 'xlsx', villageId: null }, 'reps.xlsx')
    expect(reps).toContain('1,东岭村,王代表,女,1980.01,代表,一组,2026.03.05,')
    expect(reps).toContain('3,西坡村,陈代表,男,1982.01,代表,一组,2026.03.05,')
    expect(reps).toContain('注：村民代表共 3 名，其中女性 1 名，占 33.3%（应不少于三分之一）。')

    const leaders = await sheet({ table: 'group-leaders', format: 'xlsx' }, 'leaders.xlsx')
    expect(leaders).toContain('1,西坡村,褚组长,男,1975.06,组长,第三村民小组,2026.03.05,')
    expect(leaders).toContain('注：共 1 名。')
  }, 240_000)

  it('refuses an empty roster in Chinese', async () => {
    const east = store.value<number>("SELECT id FROM villages WHERE name = '东岭村'")!
    const r = await buildApi(store).exports.file({ table: 'group-leaders', format: 'pdf', villageId: east })
    expect(r.ok ? 'ok' : r.error.message).toBe('“东岭村”还没有登记村民小组长')
  })
})
