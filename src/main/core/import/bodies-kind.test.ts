import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { idNumber, xlsxBuffer, type FixtureCell } from '../../../../tests/fixtures/rosters'
import { personRecordInput } from '../../../shared/cadre'
import { memberInput } from '../../../shared/election'
import { villageInput } from '../../../shared/village'
import type { Services } from '../services'
import { Store } from '../store'
import { testServices, useTempDir } from '../test-support'

const tempDir = useTempDir()
let store: Store
let s: Services

const ZHOU = idNumber('19680501', 11, '男')
const WU = idNumber('19790901', 22, '女')
const WANG = idNumber('19800101', 33, '女')
const FENG = idNumber('19810101', 44, '男')
const LI = idNumber('19780402', 55, '男')
const ZHANG = idNumber('19820315', 66, '女')

const book = (name: string, header: string[], ...rows: FixtureCell[][]) => xlsxBuffer([{ name, rows: [header, ...rows] }])

beforeEach(() => {
  store = Store.fileStore(path.join(tempDir(), 'office.db'))
  s = testServices(store)
  for (const name of ['龙山村', '凤凰村']) s.villages.create(villageInput.parse({ name, kind: '村', township: '龙山镇' }))
})

describe('importing the other bodies’ rosters', () => {
  it('seats a 监督委员会, 村民代表 and 小组长 from their rosters, and a second import changes nothing', async () => {
    const sup = await book('监委会', ['序号', '村社', '姓名', '身份证号码', '职务', '当选时间'], [1, '龙山村', '周监督', ZHOU, '监委会主任', '2026-03-05'], [2, '龙山村', '吴委员', WU, '成员', '2026-03-05'])
    const first = await s.imports.read('supervisors', { bytes: sup, name: '监委会.xlsx' })
    expect(first.preview.problems).toEqual([])
    expect(s.imports.commit(first.analysis)).toMatchObject({ added: 2 })
    const again = await s.imports.read('supervisors', { bytes: sup, name: '监委会.xlsx' })
    expect(again.preview.counts).toMatchObject({ added: 0, updated: 0, unchanged: 2 })

    const reps = await book('代表', ['村社', '姓名', '身份证号', '所在小组'], ['凤凰村', '王代表', WANG, '一组'], ['凤凰村', '冯代表', FENG, '二组'])
    s.imports.commit((await s.imports.read('representatives', { bytes: reps, name: '代表.xlsx' })).analysis)
    const leaders = await book('组长', ['村社', '姓名', '身份证号', '村民小组'], ['凤凰村', '冯代表', FENG, '第二村民小组'])
    s.imports.commit((await s.imports.read('group-leaders', { bytes: leaders, name: '组长.xlsx' })).analysis)

    expect(s.bodies.roster().map((r) => [r.villageName, r.body, r.post, r.name, r.sex, r.groupName, r.electedOn])).toEqual([
      ['凤凰村', '村民代表', '代表', '王代表', '女', '一组', null],
      ['凤凰村', '村民代表', '代表', '冯代表', '男', '二组', null],
      ['凤凰村', '村民小组长', '组长', '冯代表', '男', '第二村民小组', null],
      ['龙山村', '监督委员会', '主任', '周监督', '男', '', '2026-03-05'],
      ['龙山村', '监督委员会', '委员', '吴委员', '女', '', '2026-03-05']
    ])
  })

  it('refuses, at the sheet row, a 小组长 without a group; and a 两委 member’s wife refuses the whole 监督委员会 roster', async () => {
    const leaders = await book('组长', ['村社', '姓名', '身份证号', '村民小组'], ['凤凰村', '冯代表', FENG, null])
    const read = await s.imports.read('group-leaders', { bytes: leaders, name: '组长.xlsx' })
    expect(read.preview.problems).toEqual([{ row: 2, column: 'D', header: '村民小组', message: '必填项为空' }])

    const longshan = s.villages.findByName('龙山村')!.id
    const li = s.members.create(memberInput.parse({ villageId: longshan, term: '本届', body: '村委会', post: '主任', name: '李建国', idNumber: LI }))
    const record = s.personRecords.require(li.personId)
    s.personRecords.update(li.personId, personRecordInput.parse({ person: record.person, family: [{ relation: '配偶', name: '张秀兰' }] }))
    const sup = await book('监委会', ['村社', '姓名', '身份证号码', '职务'], ['龙山村', '周监督', ZHOU, '主任'], ['龙山村', '张秀兰', ZHANG, '委员'])
    const { analysis } = await s.imports.read('supervisors', { bytes: sup, name: '监委会.xlsx' })
    expect(() => s.imports.commit(analysis)).toThrow('张秀兰不能担任村务监督委员会成员：是本届两委成员李建国（村(居)委会主任）的配偶')
    expect(s.bodies.roster()).toEqual([])
    expect(s.persons.findByIdNumber(ZHOU)).toBeUndefined()
  })
})
