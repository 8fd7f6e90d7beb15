import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../../tests/fixtures/ids'
import { buildApi } from '../../api'
import type { ExportInput } from '../../../shared/exports'
import { noticeTemplateInput } from '../../../shared/notices'
import { villageInput } from '../../../shared/village'
import { voterInput } from '../../../shared/voter'
import { Store } from '../store'
import { testServices } from '../test-support'
import { hasCommand, keepArtifact, pdfInfo, pdfText, tempDir } from './testing/files'
import { addFormalCandidate, type Seat } from './testing/formal-candidates'

let dir: string
let store: Store
let east: number
let south: number

const candidate = (villageId: number, name: string, birth: string, sex: '男' | '女', n: number, seat: Seat, education: '高中' | '大专' | '本科' = '高中') =>
  addFormalCandidate(store, villageId, { name, birth, sex, n, seat, education })

beforeEach(() => {
  dir = tempDir()
  store = Store.fileStore(path.join(dir, 'office.db'))
  const s = testServices(store)
  east = s.villages.create(
    villageInput.parse({ name: '东岭村', kind: '村', township: '青山镇', committeeElectionDate: '2026-03-01', partyElectionDate: '2026-02-01', committeeSeats: 5, partySeats: 3, partyMembers: 41 })
  ).id
  south = s.villages.create(villageInput.parse({ name: '南苑社区', kind: '社区', township: '青山镇', committeeElectionDate: '2026-03-08', committeeSeats: 3 })).id
  // 主任: 白5 田5 石5 — all five strokes, 石 begins 横, 田 竖, 白 撇: 石磊 田野 白云 (pinyin 白石田, code point 田白石).
  candidate(east, '白云', '1980-05-01', '男', 1, { committee: '主任' })
  candidate(east, '田野', '1975-06-02', '男', 2, { committee: '主任' }, '本科')
  candidate(east, '石磊', '1990-03-01', '男', 3, { committee: '主任', party: '书记' }, '大专')
  candidate(east, '马六', '1988-08-08', '女', 4, { committee: '副主任' })
  // 委员: 丁2 王4 白5 李7 周8 (pinyin 白丁李王周, code point 丁周李王白).
  for (const [i, name] of ['周强', '白雪', '李四', '丁一', '王五'].entries()) candidate(east, name, `198${i}-01-1${i}`, i % 2 ? '女' : '男', 10 + i, { committee: '委员' })
  candidate(east, '龚华', '1970-02-02', '男', 20, { party: '委员' })
  candidate(east, '于敏', '1972-02-02', '女', 21, { party: '委员' })
  candidate(south, '赵红', '1985-04-04', '女', 30, { committee: '主任' })
  for (let i = 1; i <= 12; i++) {
    s.voters.create(voterInput.parse({ villageId: south, name: `居民${i}`, idNumber: makeIdNumber(`1960-01-${String(i).padStart(2, '0')}`, i % 2 ? '男' : '女', 100 + i), groupName: '第一网格', category: 1 }))
  }
  s.voters.publish(south, '2026-02-10', '')
})
afterEach(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function exported(input: ExportInput, name: string): Promise<string> {
  const r = await buildApi(store).exports.file(input)
  if (!r.ok) throw new Error(r.error.message)
  const file = path.join(dir, name)
  fs.writeFileSync(file, Buffer.from(r.value.base64, 'base64'))
  fs.copyFileSync(file, keepArtifact(name))
  return file
}

/** The page of the text that holds `marker`, with every space removed. */
const pageWith = (text: string, marker: string): string => {
  const page = text.split('\f').find((p) => p.replace(/\s+/g, '').includes(marker))
  expect(page, `no page with ${marker}`).toBeDefined()
  return page!.replace(/\s+/g, '')
}

/** Names in the order they stand in the text. */
const orderIn = (text: string, names: string[]) => [...names].sort((a, b) => text.indexOf(a) - text.indexOf(b))

describe('选票', () => {
  it('lists each race’s candidates in 姓氏笔画 order, with the seats, 另选人 lines, 划票说明 and the seal box', async () => {
    const text = pdfText(await exported({ table: 'ballots', format: 'pdf', villageId: east }, '东岭村选票.pdf'))
    const director = pageWith(text, '村民委员会主任选举选票')
    expect(orderIn(director, ['白云', '田野', '石磊'])).toEqual(['石磊', '田野', '白云'])
    expect(director).toContain('应选主任1名')
    expect(director).toContain('另选人姓名')
    expect(director).toContain('划票说明')
    expect(director).toContain('东岭村村民选举委员会（盖章）')
    const members = pageWith(text, '村民委员会委员选举选票')
    expect(orderIn(members, ['周强', '白雪', '李四', '丁一', '王五'])).toEqual(['丁一', '王五', '白雪', '李四', '周强'])
    // 5 seats: 主任, one 副主任, so three 委员.
    expect(members).toContain('应选委员3名')
    expect(members).not.toContain('石磊')
  })

  it('prints a Party race with as many candidates as seats for 赞成/不赞成/弃权', async () => {
    const text = pdfText(await exported({ table: 'ballots', format: 'pdf', villageId: east }, '东岭村党组织选票.pdf'))
    const party = pageWith(text, '党组织委员会委员选举选票')
    expect(orderIn(party, ['龚华', '于敏', '石磊'])).toEqual(['于敏', '石磊', '龚华'])
    expect(party).toContain('应选委员3名（等额选举）')
    expect(party).toContain('不赞成')
    expect(party).toContain('东岭村党组织（盖章）')
  })

  it('comes with a 流动票箱 variant of every ballot and the print count', async () => {
    const file = await exported({ table: 'ballots', format: 'pdf', villageId: east }, '东岭村选票全部.pdf')
    const text = pdfText(file)
    // Print count, 5 races (党组织 委员, 书记; 主任, 副主任, 委员) at the stations and again for the mobile box.
    expect(pdfInfo(file).pages).toBe(1 + 5 * 2)
    expect(pageWith(text, '村民委员会主任选举选票（流动票箱）')).toContain('流动票箱专用')
    const count = pageWith(text, '选票印制数')
    expect(count).toContain('党组织委员会书记选票')
    expect(count).toMatch(/党组织委员会委员选票3名41/)
    expect(count).toMatch(/村民委员会主任选票1名0/)
  })

  it('prints every village’s ballots as one file through a job, and refuses a village without 正式候选人', async () => {
    const s = testServices(store)
    const empty = s.villages.create(villageInput.parse({ name: '西坡村', kind: '村' })).id
    await expect(s.exports.file({ table: 'ballots', format: 'pdf', villageId: empty })).rejects.toThrow('“西坡村”还没有确定正式候选人')
    const job = s.exports.start({ table: 'ballots', format: 'pdf', villageId: null })
    const status = await s.jobs.wait(job.id)
    expect(status.state).toBe('done')
    expect(status.done).toBe(status.total)
    const file = path.join(dir, '全部选票.pdf')
    fs.writeFileSync(file, Buffer.from((status.result as { base64: string }).base64, 'base64'))
    const text = pdfText(file).replace(/\s+/g, '')
    expect(text).toContain('东岭村2026年村民委员会主任选举选票')
    expect(text).toContain('南苑社区2026年居民委员会主任选举选票')
    expect(text).toContain('南苑社区居民选举委员会（盖章）')
    expect(text).not.toContain('西坡村')
  })
})

describe('计票单', () => {
  it('has a row per candidate in ballot order, 另选人 rows, ballots issued/returned/valid/invalid and the signatures', async () => {
    const text = pdfText(await exported({ table: 'tally-sheets', format: 'pdf', villageId: east }, '东岭村计票单.pdf'))
    const members = pageWith(text, '村民委员会委员选举计票单')
    expect(orderIn(members, ['周强', '白雪', '李四', '丁一', '王五'])).toEqual(['丁一', '王五', '白雪', '李四', '周强'])
    for (const t of ['唱票记录', '得票数', '另选人', '发出选票', '收回选票', '有效票', '无效票', '总监票人', '总计票人', '监票人', '计票人', '年月日']) expect(members).toContain(t)
    const secretary = pageWith(text, '党组织委员会书记选举计票单')
    expect(secretary).toContain('赞成')
    expect(secretary).toContain('不赞成')
    expect(secretary).toContain('弃权')
    expect(secretary).toContain('应到会有选举权党员41人')
  })
})

describe('公告', () => {
  it('fills a community’s 选民名单 in 居民 wording, with the election day, the day posted and the count', async () => {
    const text = pdfText(await exported({ table: 'notices', format: 'pdf', villageId: south, notice: '选民名单' }, '南苑社区选民名单公告.pdf')).replace(/\s+/g, '')
    expect(text).toContain('南苑社区2026年居民委员会选举选民名单')
    expect(text).toContain('《中华人民共和国城市居民委员会组织法》')
    expect(text).toContain('共有选民12人')
    expect(text).toContain('选举日为2026年3月8日')
    expect(text).toContain('公布日期：2026年2月10日')
    expect(text).toContain('共计12人')
    expect(text).toContain('南苑社区居民选举委员会（盖章）')
    expect(text).not.toMatch(/村民|青山镇（盖章）|\{/)
  })

  it('lists the 正式候选人 by 姓氏笔画 within each post, with age on the election day, 学历 and 政治面貌', async () => {
    const text = pdfText(await exported({ table: 'notices', format: 'pdf', villageId: east, notice: '候选人名单' }, '东岭村候选人名单.pdf'))
    const flat = text.replace(/\s+/g, '')
    expect(flat).toContain('东岭村村民委员会成员正式候选人名单')
    expect(orderIn(flat, ['白云', '田野', '石磊', '马六', '周强', '丁一'])).toEqual(['石磊', '田野', '白云', '马六', '丁一', '周强'])
    // 田野 born 1975-06-02: 50 on 2026-03-01; 本科, 群众.
    expect(text).toMatch(/田野\s+男\s+50\s+本科\s+群众/)
    expect(text).toMatch(/石磊\s+男\s+36\s+大专\s+中共党员/)
    expect(flat).not.toContain('龚华')
  })

  it('prints the office’s saved wording, each save a new version, and refuses an unknown placeholder', async () => {
    const s = testServices(store)
    expect(() => noticeTemplateInput.parse({ notice: '选举日及选举方式', title: '{村社}公告', body: '定于{投票日}选举' })).toThrow('{投票日} 不是可用的占位符')
    s.noticeTemplates.save('选举日及选举方式', { title: '{村社}选举公告', body: '第一稿{选举日}' })
    s.noticeTemplates.save('选举日及选举方式', { title: '{村社}选举公告', body: '本{村}定于{选举日}召开选举大会，由{选举委员会}主持，共选{职数}人。' })
    expect(s.noticeTemplates.versions('选举日及选举方式').map((v) => v.version)).toEqual([2, 1, 0])
    const text = pdfText(await exported({ table: 'notices', format: 'pdf', villageId: south }, '南苑社区选举日公告.pdf')).replace(/\s+/g, '')
    expect(text).toContain('南苑社区选举公告')
    expect(text).toContain('本社区定于2026年3月8日召开选举大会，由居民选举委员会主持，共选3人。')
    expect(text).not.toContain('第一稿')
  })

  it('prints blank lines for what the register does not keep, and refuses a notice with nothing to list', async () => {
    const text = pdfText(await exported({ table: 'notices', format: 'pdf', villageId: east, notice: '唱票计票监票人员' }, '东岭村唱计监.pdf')).replace(/\s+/g, '')
    for (const t of ['总监票人', '监票人', '总计票人', '计票人', '唱票人', '东岭村村民选举委员会（盖章）']) expect(text).toContain(t)
    await expect(testServices(store).exports.file({ table: 'notices', format: 'pdf', villageId: east, notice: '选举结果' })).rejects.toThrow('尚未录入选举结果')
  })
})

describe.skipIf(!hasCommand('soffice'))('Word copies as LibreOffice prints them', () => {
  it('lays ballots and a notice on A4 with their text', async () => {
    for (const [input, name, expected] of [
      [{ table: 'ballots', format: 'docx', villageId: east }, '东岭村选票.docx', ['东岭村2026年村民委员会委员选举选票', '另选人姓名', '划票说明', '丁一']],
      [{ table: 'notices', format: 'docx', villageId: south, notice: '选民名单' }, '南苑社区选民名单.docx', ['居民委员会选举选民名单', '共计12人', '居民12', '南苑社区居民选举委员会（盖章）']]
    ] as [ExportInput, string, string[]][]) {
      const file = await exported(input, name)
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 240_000 })
      const pdf = file.replace(/\.docx$/, '.pdf')
      const info = pdfInfo(pdf)
      expect([Math.round(info.width), Math.round(info.height)]).toEqual([595, 842])
      const text = pdfText(pdf).replace(/\s+/g, '')
      for (const t of expected) expect(text).toContain(t)
    }
  }, 300_000)
})
