import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../tests/fixtures/ids'
import { buildApi } from '../api'
import { bodyCounts, bodyMemberInput, type BodyMemberData } from '../../shared/bodies'
import { personRecordInput } from '../../shared/cadre'
import { memberInput } from '../../shared/election'
import { villageInput } from '../../shared/village'
import type { Services } from './services'
import { Store } from './store'
import { testServices, useTempDir } from './test-support'

const tempDir = useTempDir()
let store: Store
let s: Services
let east: number
let west: number

const LI = makeIdNumber('1978-04-02', '男', 1)
const ZHANG = makeIdNumber('1982-03-15', '女', 2)
const ZHAO = makeIdNumber('1970-01-09', '男', 3)
const QIAN = makeIdNumber('1985-11-20', '女', 4)

const body = (over: Partial<BodyMemberData> & Pick<BodyMemberData, 'name'>) =>
  bodyMemberInput.parse({ villageId: east, body: '监督委员会', post: '委员', ...over })

beforeEach(() => {
  store = Store.fileStore(path.join(tempDir(), 'office.db'))
  s = testServices(store)
  east = s.villages.create(villageInput.parse({ name: '东岭村', kind: '村' })).id
  west = s.villages.create(villageInput.parse({ name: '西坡村', kind: '村' })).id
  const li = s.members.create(memberInput.parse({ villageId: east, term: '本届', body: '村委会', post: '主任', name: '李建国', idNumber: LI }))
  s.members.create(memberInput.parse({ villageId: east, term: '本届', body: '党组织', post: '书记', name: '李建国', idNumber: LI }))
  s.members.create(memberInput.parse({ villageId: east, term: '本届', body: '村委会', post: '委员', name: '赵刚', idNumber: ZHAO }))
  // 李建国's family, as his cadre record lists it: his wife 张秀兰.
  const record = s.personRecords.require(li.personId)
  s.personRecords.update(li.personId, personRecordInput.parse({ person: record.person, family: [{ relation: '妻子', name: '张秀兰', birthYearMonth: '1982.03' }] }))
})

describe('村务监督委员会', () => {
  it('refuses the spouse of a 两委 member, naming both, and changes nothing', async () => {
    const r = await buildApi(store).bodies.create(body({ name: '张秀兰', idNumber: ZHANG }))
    expect(r.ok ? 'ok' : r.error.message).toBe('张秀兰不能担任村务监督委员会成员：是本届两委成员李建国（村(居)委会主任、党组织书记）的妻子')
    expect(store.value('SELECT count(*) FROM body_members')).toBe(0)
  })

  it('refuses a 两委 member, and a relative whose own record names the member', () => {
    expect(() => s.bodies.create(body({ name: '赵刚', idNumber: ZHAO }))).toThrow('赵刚不能担任村务监督委员会成员：是本届两委成员赵刚（村(居)委会委员）')
    const qian = s.persons.create({ idNumber: QIAN, name: '钱芳', sex: null, birthDate: null, ethnicity: '', villageId: east, phone: '' })
    const rec = s.personRecords.require(qian.id)
    s.personRecords.update(qian.id, personRecordInput.parse({ person: rec.person, family: [{ relation: '哥哥', name: '赵刚' }] }))
    expect(() => s.bodies.create(body({ name: '钱芳', idNumber: QIAN }))).toThrow('钱芳不能担任村务监督委员会成员：本届两委成员赵刚（村(居)委会委员）是其哥哥')
  })

  it('lets the same person sit in another village, and a namesake born in another month, and keeps to 5 members and one 主任', () => {
    // 西坡村's 张秀兰 is a namesake born 1990: not 李建国's wife.
    const namesake = makeIdNumber('1990-07-07', '女', 5)
    expect(s.bodies.create(body({ name: '张秀兰', idNumber: namesake, post: '主任' }))).toMatchObject({ post: '主任', villageName: '东岭村' })
    expect(() => s.bodies.create(body({ name: '周主任', idNumber: makeIdNumber('1960-01-01', '男', 6), post: '主任' }))).toThrow('村务监督委员会已有主任“张秀兰”')
    for (let i = 0; i < 4; i++) s.bodies.create(body({ name: `委员${i}`, idNumber: makeIdNumber('1970-02-02', '男', 10 + i) }))
    expect(() => s.bodies.create(body({ name: '委员9', idNumber: makeIdNumber('1970-02-02', '男', 19) }))).toThrow('村务监督委员会已有5名成员，不能再增加')
    expect(s.bodies.create(body({ villageId: west, name: '张秀兰', idNumber: ZHANG }))).toMatchObject({ villageName: '西坡村' })
    expect(s.bodies.counts().get(east)).toMatchObject({ supervisors: 5, supervisorsComplete: true })
    expect(s.bodies.counts().get(west)).toMatchObject({ supervisors: 1, supervisorsComplete: false })
  })
})

describe('村民代表 and 村民小组长', () => {
  it('meets the women’s third at exactly 1/3 and misses it just below', () => {
    const rep = (sex: '男' | '女') => ({ body: '村民代表' as const, post: '代表', sex })
    expect(bodyCounts([rep('女'), rep('男'), rep('男')])).toMatchObject({ representatives: 3, womenRepresentatives: 1, womenShareMet: true })
    expect(bodyCounts([rep('女'), rep('男'), rep('男'), rep('男')])).toMatchObject({ womenShareMet: false, womenShare: 0.25 })
    expect(bodyCounts([rep('女'), rep('女'), rep('男'), rep('男'), rep('男'), rep('男')])).toMatchObject({ womenShareMet: true })

    // The same count from the register: sex from the ID numbers.
    const reps = [makeIdNumber('1980-01-01', '女', 30), makeIdNumber('1981-01-01', '男', 31), makeIdNumber('1982-01-01', '男', 32)]
    reps.forEach((id, i) => s.bodies.create(bodyMemberInput.parse({ villageId: west, body: '村民代表', post: '代表', name: `代表${i}`, idNumber: id, groupName: '一组' })))
    expect(s.bodies.counts().get(west)).toMatchObject({ representatives: 3, womenRepresentatives: 1, womenShareMet: true })
    // The structure statistics carry the counts, per village and for the township.
    s.bodies.create(body({ name: '孙委员', idNumber: makeIdNumber('1966-06-06', '男', 40) }))
    const { villages, township } = s.statistics.structure()
    expect(villages.find((v) => v.villageId === east)!.bodies).toMatchObject({ supervisors: 1, representatives: 0, supervisorsComplete: false })
    expect(township.bodies).toMatchObject({ supervisors: 1, representatives: 3, womenRepresentatives: 1, womenShareMet: true, groupLeaders: 0 })
  })

  it('gives each 村民小组 one 组长 and asks for the group', async () => {
    s.bodies.create(bodyMemberInput.parse({ villageId: west, body: '村民小组长', post: '组长', name: '孙组长', groupName: '第一村民小组' }))
    expect(() => s.bodies.create(bodyMemberInput.parse({ villageId: west, body: '村民小组长', post: '组长', name: '吴组长', groupName: '第一村民小组' }))).toThrow(
      '西坡村第一村民小组已有组长“孙组长”'
    )
    const r = await buildApi(store).bodies.create({ villageId: west, body: '村民小组长', post: '代表', name: '郑某', groupName: '' })
    expect(r.ok ? [] : Object.values(r.error.fields ?? {})).toEqual(['村民小组长的职务应为组长', '请填写村民小组'])
  })
})
