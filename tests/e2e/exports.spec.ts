import type { Download, Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import fs from 'node:fs'
import path from 'node:path'
import { makeIdNumber } from '../fixtures/ids'
import { expect, test } from './fixtures'
import { apiHeaders } from './server'

type Server = { url: string; token: string; session: string; dbPath: string }

/** One API call as the UI makes it. */
async function call<T>(server: Server, name: string, input: unknown): Promise<T> {
  const res = await fetch(new URL(`/api/${name}`, server.url), {
    method: 'POST',
    headers: apiHeaders(server),
    body: JSON.stringify(input)
  })
  const body = (await res.json()) as { ok: boolean; value: T }
  expect(body.ok, JSON.stringify(body)).toBe(true)
  return body.value
}

/** A village with two candidates, registered through the API as the UI would. */
async function seed(server: Server): Promise<number> {
  const created = await call<{ id: number }>(server, 'villages.create', { name: '东岭村', kind: '村', township: '青山镇', households: 320, population: 1100 })
  for (const [name, sex, seat] of [['王建国', '男', { partyPost: '书记' }], ['李秀英', '女', { committeePost: '委员' }]] as const) {
    const record = await call<{ person: { id: number } }>(server, 'persons.create', {
      person: { name, sex, birthDate: '1980-05-12', ethnicity: '汉族', villageId: created.id },
      profile: { politicalStatus: '中共党员', partyJoined: '2003.06', fullTimeEducation: { level: '本科', degree: '', school: '' } },
      resume: [{ start: '2002.07', end: '', text: '东岭村村民委员会工作' }]
    })
    await call(server, 'candidates.propose', { personId: record.person.id, villageId: created.id, ...seat, source: '党员推荐', proposedOn: '2026-03-01' })
  }
  return created.id
}

/** The 导出 tab of the 导入导出 page. */
async function openExports(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '导入导出' }).click()
  await page.getByRole('tab', { name: '导出', exact: true }).click()
  await expect(page.getByText('导出正式表格')).toBeVisible()
}

/** Saves a downloaded workbook in the test's folder and reads its sheet back. */
async function downloadedSheet(download: Download, workDir: string): Promise<ExcelJS.Worksheet> {
  const file = path.join(workDir, download.suggestedFilename())
  await download.saveAs(file)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb.worksheets[0]
}

test('a clerk exports the 人选花名册, a village’s 人选登记表 and one candidate’s form, and gets files', async ({ page, server, workDir }) => {
  await seed(server)
  await page.goto(server.url)
  await openExports(page)

  // A table with nothing in it yet says so instead of producing an empty file.
  await page.getByRole('button', { name: '导出两委成员名册Excel' }).click()
  await expect(page.getByText('还没有本届“两委”成员，请先录入选举结果或登记成员')).toBeVisible()

  const rosterDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出人选花名册Excel' }).click()
  const roster = await rosterDownload
  expect(roster.suggestedFilename()).toMatch(/^青山镇_人选花名册_\d{8}\.xlsx$/)
  const ws = await downloadedSheet(roster, workDir)
  expect(ws.getCell('A1').value).toMatch(/^青山镇\d{4}年村\(社区\)“两委”换届候选人初步人选花名册$/)
  expect([ws.getCell('B4').value, ws.getCell('G4').value, ws.getCell('K4').value]).toEqual(['王建国', '本科', '党组织书记'])
  expect(ws.getCell('B5').value).toBe('李秀英')
  await expect(page.getByText(/已导出：青山镇_人选花名册/)).toBeVisible()

  await page.getByLabel('导出范围').click()
  await page.getByTitle('东岭村').click()
  await page.getByLabel('填表人').fill('张晓燕')
  const pdfDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出人选登记表PDF' }).click()
  const pdf = await pdfDownload
  expect(pdf.suggestedFilename()).toMatch(/^青山镇_东岭村_人选登记表_\d{8}\.pdf$/)
  const pdfFile = path.join(workDir, 'forms.pdf')
  await pdf.saveAs(pdfFile)
  // The cover list, then each 干部任免审批表 on its two pages.
  expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/Pages:\s+5/)
  const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  expect(text).toContain('东岭村党组织书记')
  expect(text).toContain('东岭村村民委员会工作')
  expect(text).toContain('填表人：张晓燕')
  expect(text.indexOf('王建国')).toBeLessThan(text.indexOf('李秀英'))

  // The same forms as Word, and as the lrmx files 组织部 tools read (zipped, one per person).
  const wordDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出人选登记表Word' }).click()
  expect((await wordDownload).suggestedFilename()).toMatch(/^青山镇_东岭村_人选登记表_\d{8}\.docx$/)
  const lrmxDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出人选登记表lrmx' }).click()
  expect((await lrmxDownload).suggestedFilename()).toMatch(/^青山镇_东岭村_人选登记表_\d{8}\.zip$/)

  // One form from the person's page.
  await page.getByRole('menuitem', { name: /人选库/ }).click()
  await page.getByRole('tab', { name: '人员', exact: true }).click()
  await page.getByRole('link', { name: '李秀英' }).click()
  await expect(page.getByRole('heading', { name: '李秀英' })).toBeVisible()
  const oneDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出人选登记表' }).click()
  const one = await oneDownload
  expect(one.suggestedFilename()).toMatch(/^青山镇_东岭村_李秀英_人选登记表_\d{8}\.pdf$/)
  const oneFile = path.join(workDir, 'one.pdf')
  await one.saveAs(oneFile)
  expect(execFileSync('pdfinfo', [oneFile], { encoding: 'utf8' })).toMatch(/Pages:\s+2/)
})

test('a clerk exports the 风险台账 from the township view and the 选务作战图 from the 导出 panel', async ({ page, server, workDir }) => {
  const villageId = await seed(server)
  await call(server, 'risks.create', {
    villageId, type: '宗族派性', description: '两大姓氏争夺村委会主任', source: '走访', measures: '包村领导逐户谈心',
    responsibleLeader: '王镇长', responsibleCadre: '李干事', deadline: '2020-01-31', foundOn: '2020-01-02'
  })
  await page.goto(server.url)
  await page.goto(`${server.url.split('?')[0]}#/risks/board`)
  await page.getByRole('button', { name: /导\s*出/ }).click()
  const ledgerDownload = page.waitForEvent('download')
  await page.getByRole('menuitem', { name: '风险台账（PDF）' }).click()
  const ledger = await ledgerDownload
  expect(ledger.suggestedFilename()).toMatch(/^青山镇_风险台账_\d{8}\.pdf$/)
  const ledgerFile = path.join(workDir, 'ledger.pdf')
  await ledger.saveAs(ledgerFile)
  const text = execFileSync('pdftotext', [ledgerFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  expect(text).toContain('宗族派性')
  expect(text).toContain('逾期')

  await openExports(page)
  const timelineDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出选务作战图Excel' }).click()
  const ws = await downloadedSheet(await timelineDownload, workDir)
  expect(ws.getCell('A1').value).toContain('选务作战图')
  expect(ws.getCell('B5').value).toBe('东岭村')
})

test('a clerk exports a village’s 选民名单 as a job, and is told why a report has nothing to print yet', async ({ page, server, workDir }) => {
  const call = async (name: string, body: unknown) => {
    const res = await fetch(new URL(`/api/${name}`, server.url), {
      method: 'POST',
      headers: apiHeaders(server),
      body: JSON.stringify(body)
    })
    const r = (await res.json()) as { ok: boolean; value: { id: number } }
    expect(r.ok).toBe(true)
    return r.value
  }
  const village = await call('villages.create', { name: '东岭村', kind: '村', township: '青山镇', committeeElectionDate: '2026-03-01' })
  await call('voters.create', { villageId: village.id, name: '李秀英', idNumber: makeIdNumber('1980-05-12', '女', 1), groupName: '一组', category: 1 })
  await call('voters.create', { villageId: village.id, name: '张三', idNumber: makeIdNumber('1990-01-01', '男', 2), groupName: '二组', category: 1 })

  await page.goto(server.url)
  await openExports(page)
  await page.getByLabel('导出范围').click()
  await page.getByTitle('东岭村').click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出选民名单Excel' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^青山镇_东岭村_选民名单_\d{8}\.xlsx$/)
  const saved = path.join(workDir, file.suggestedFilename())
  await file.saveAs(saved)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(saved)
  expect(wb.worksheets[0].getCell('A1').value).toBe('东岭村2026年村民委员会选举选民名单')
  expect(wb.worksheets[0].getCell('C4').value).toBe('李秀英')

  // The posted notice as Word, for the office to edit before printing.
  const wordDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出选民名单Word' }).click()
  const word = await wordDownload
  expect(word.suggestedFilename()).toMatch(/^青山镇_东岭村_选民名单_\d{8}\.docx$/)
  const wordFile = path.join(workDir, word.suggestedFilename())
  await word.saveAs(wordFile)
  const documentXml = await (await JSZip.loadAsync(fs.readFileSync(wordFile))).file('word/document.xml')!.async('string')
  expect(documentXml).toContain('东岭村2026年村民委员会选举选民名单')
  expect(documentXml).toContain('李秀英')

  await page.getByRole('button', { name: '导出选举结果报告单PDF' }).click()
  await expect(page.getByText('“东岭村”还没有录入选举结果，无法生成选举结果报告单')).toBeVisible()

  await page.getByRole('menuitem', { name: '统计' }).click()
  await page.getByRole('button', { name: '导出换届结构统计表' }).click()
  await expect(page.getByText('还没有“两委”成员，无法生成换届结构统计表')).toBeVisible()
})
