import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../../tests/fixtures/ids'
import { buildApi } from '../../api'
import { electionInput } from '../../../shared/election'
import type { ExportInput } from '../../../shared/exports'
import { villageInput } from '../../../shared/village'
import { voterInput } from '../../../shared/voter'
import { Store } from '../store'
import { testServices } from '../test-support'
import { keepArtifact, pdfInfo, pdfText, tempDir } from './testing/files'
import { overlappingWords, wordBoxes } from './testing/pdf-boxes'

let dir: string
let store: Store
let east: number

beforeEach(() => {
  dir = tempDir()
  store = Store.fileStore(path.join(dir, 'office.db'))
  const s = testServices(store)
  east = s.villages.create(villageInput.parse({ name: '东岭村', kind: '村', township: '青山镇', committeeElectionDate: '2026-03-01', committeeSeats: 3 })).id
  for (let i = 1; i <= 60; i++) {
    s.voters.create(voterInput.parse({ villageId: east, name: `选民${i}`, idNumber: makeIdNumber(`19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 9}`, i % 2 ? '男' : '女', i), groupName: `第${1 + (i % 12)}组`, category: 1 }))
  }
  s.elections.create(
    electionInput.parse({
      villageId: east, body: '村委会', heldOn: '2026-03-01', registered: 1000, issued: 620, returned: 600, valid: 590, invalid: 10, proxyVotes: 25, mobileVotes: 40,
      races: [{ post: '主任', seats: 1, candidates: [{ name: '张伟', idNumber: makeIdNumber('1980-06-01', '男', 101), votes: 420 }] }]
    })
  )
})
afterEach(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function docx(input: ExportInput, name: string): Promise<{ file: string; xml: string }> {
  const r = await buildApi(store).exports.file(input)
  if (!r.ok) throw new Error(r.error.message)
  expect(r.value.fileName).toMatch(/\.docx$/)
  const bytes = Buffer.from(r.value.base64, 'base64')
  const file = path.join(dir, name)
  fs.writeFileSync(file, bytes)
  return { file, xml: await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string') }
}

/** The document as LibreOffice prints it: a PDF, read back with pdftotext. */
function printed(file: string): { text: string; info: ReturnType<typeof pdfInfo>; pdf: string } {
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 240_000 })
  const pdf = file.replace(/\.docx$/, '.pdf')
  return { text: pdfText(pdf).replace(/\s+/g, ''), info: pdfInfo(pdf), pdf }
}

/** Every word inside the page's margins and none over another: the table fits the width of A4. */
function fitsPage(pdf: string, info: { width: number; height: number }): void {
  const words = wordBoxes(pdf)
  expect(words.length).toBeGreaterThan(0)
  expect(words.filter((w) => w.x0 < 20 || w.x1 > info.width - 20 || w.y1 > info.height - 10)).toEqual([])
  expect(overlappingWords(words)).toEqual([])
}

const isA4 = (info: { width: number; height: number }) => Math.abs(Math.min(info.width, info.height) - 595) < 2 && Math.abs(Math.max(info.width, info.height) - 842) < 2

describe('notices and report forms as Word', () => {
  it('选举结果报告单: both forms in real tables, 仿宋, the recorded counts, A4 as LibreOffice prints it', async () => {
    const { file, xml } = await docx({ table: 'election-report', format: 'docx', villageId: east }, 'report.docx')
    expect(xml).toContain('<w:tbl>')
    expect(xml).toContain('<w:tblHeader/>')
    expect(xml).toContain('w:eastAsia="宋体"')
    const styles = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/styles.xml')!.async('string')
    expect(styles).toContain('w:eastAsia="仿宋"')
    const { text, info, pdf } = printed(file)
    expect(isA4(info)).toBe(true)
    expect(info.height).toBeGreaterThan(info.width)
    fitsPage(pdf, info)
    for (const t of ['东岭村2026年党组织委员会选举结果报告单', '东岭村2026年村民委员会选举结果报告单', '填报单位：东岭村村民选举委员会', '张伟', '选举委员会主任（签字）', '东岭村村民选举委员会（盖章）', '乡镇（街道）审核意见']) {
      expect(text).toContain(t)
    }
    expect(text).toContain('登记选民1000人参加投票600人委托投票25人流动票箱投票40人')
    execFileSync('pdftoppm', ['-png', '-r', '50', pdf, keepArtifact('report-docx')])
  })

  it('选民名单 of a village: the posted notice with its header on every page, and refused township-wide', async () => {
    const { file, xml } = await docx({ table: 'voters', format: 'docx', villageId: east }, 'voters.docx')
    expect(xml).toContain('<w:tblHeader/>')
    const { text, info, pdf } = printed(file)
    expect(isA4(info)).toBe(true)
    fitsPage(pdf, info)
    expect(info.pages).toBeGreaterThanOrEqual(2)
    for (const t of ['东岭村2026年村民委员会选举选民名单', '选举日：2026年3月1日', '共计60人', '东岭村村民选举委员会（盖章）', '选民60']) expect(text).toContain(t)
    // The header repeats: every printed page names the columns.
    for (let p = 1; p <= info.pages; p++) expect(pdfText(file.replace(/\.docx$/, '.pdf'), p).replace(/\s+/g, '')).toContain('村民小组姓名性别出生年月年龄登记类别')
    const township = await buildApi(store).exports.file({ table: 'voters', format: 'docx', villageId: null })
    expect(!township.ok && township.error.message).toContain('请先选择村社')
  })

  it('the command line writes them too: --out F.docx', async () => {
    const root = path.resolve(__dirname, '../../../..')
    const out = path.join(dir, '报告单.docx')
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'src/main/cli.ts'), 'export', 'election-report', '--db', path.join(dir, 'office.db'), '--out', out, '--village', '东岭村'], { encoding: 'utf8', cwd: root })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const xml = await (await JSZip.loadAsync(fs.readFileSync(out))).file('word/document.xml')!.async('string')
    expect(xml).toContain('流动票箱投票')
    expect(xml).toContain('<w:tbl>')
  })
})
