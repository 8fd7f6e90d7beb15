import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { villageInput } from '../shared/village'
import { pdfText } from './core/exports/testing/files'
import { addFormalCandidate } from './core/exports/testing/formal-candidates'
import { Store } from './core/store'
import { testServices, useTempDir } from './core/test-support'

const tempDir = useTempDir()
const root = path.resolve(__dirname, '../..')

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(__dirname, 'cli.ts'), ...args], { encoding: 'utf8', cwd: root })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Two villages with 正式候选人 (东岭村 a 主任 and two 委员, 南苑社区 a 主任). */
function office(dir: string): string {
  const db = path.join(dir, 'office.db')
  const store = Store.fileStore(db)
  const s = testServices(store)
  const east = s.villages.create(villageInput.parse({ name: '东岭村', kind: '村', township: '青山镇', committeeElectionDate: '2026-03-01', committeeSeats: 3 })).id
  const south = s.villages.create(villageInput.parse({ name: '南苑社区', kind: '社区', township: '青山镇', committeeElectionDate: '2026-03-08', committeeSeats: 3 })).id
  addFormalCandidate(store, east, { name: '周强', birth: '1980-01-01', sex: '男', n: 1, seat: { committee: '委员' } })
  addFormalCandidate(store, east, { name: '丁一', birth: '1981-01-01', sex: '女', n: 2, seat: { committee: '委员' } })
  addFormalCandidate(store, east, { name: '白雪', birth: '1982-01-01', sex: '女', n: 3, seat: { committee: '主任' } })
  addFormalCandidate(store, south, { name: '赵红', birth: '1985-04-04', sex: '女', n: 4, seat: { committee: '主任' } })
  store.close()
  return db
}

describe('huanjie export ballots, tally-sheets and notices', () => {
  it('prints one village’s ballots as PDF and every village’s count sheets in one file', () => {
    const dir = tempDir()
    const db = office(dir)
    const ballots = path.join(dir, '选票.pdf')
    const r = cli('export', 'ballots', '--db', db, '--village', '东岭村', '--out', ballots, '--json')
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, table: 'ballots', suggestedName: expect.stringMatching(/^青山镇_东岭村_选票_\d{8}\.pdf$/) })
    const members = pdfText(ballots).split('\f').find((p) => p.includes('委员选举选票'))!.replace(/\s+/g, '')
    expect(members.indexOf('丁一')).toBeLessThan(members.indexOf('周强'))
    expect(pdfText(ballots)).not.toContain('南苑社区')

    const sheets = path.join(dir, '计票单.pdf')
    expect(cli('export', 'tally-sheets', '--db', db, '--out', sheets).code).toBe(0)
    const text = pdfText(sheets).replace(/\s+/g, '')
    expect(text).toContain('东岭村2026年村民委员会委员选举计票单')
    expect(text).toContain('南苑社区2026年居民委员会主任选举计票单')
  }, 120_000)

  it('prints the notice named by --notice as Word, and refuses a missing or unknown one', async () => {
    const dir = tempDir()
    const db = office(dir)
    const out = path.join(dir, '候选人名单.docx')
    expect(cli('export', 'notices', '--db', db, '--notice', '候选人名单', '--village', '南苑社区', '--out', out).code).toBe(0)
    const xml = await (await JSZip.loadAsync(fs.readFileSync(out))).file('word/document.xml')!.async('string')
    expect(xml).toContain('南苑社区居民委员会成员正式候选人名单')
    expect(xml).toContain('赵红')
    expect(xml).toContain('南苑社区居民选举委员会（盖章）')

    const missing = cli('export', 'notices', '--db', db, '--out', out)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('请用 --notice 指定公告：选举日及选举方式、')
    const unknown = cli('export', 'notices', '--db', db, '--notice', '开会通知', '--out', out)
    expect(unknown.stderr).toContain('没有“开会通知”')
    const xlsx = cli('export', 'ballots', '--db', db, '--out', path.join(dir, 'x.xlsx'))
    expect(xlsx.stderr).toContain('选票的输出文件应以 .pdf 或 .docx 结尾')
  }, 120_000)
})
