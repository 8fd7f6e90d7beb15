import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { candidatesRoster, CANDIDATES, membersTwoColumns } from '../fixtures/office-rosters'
import { xlsxBuffer } from '../fixtures/rosters'
import { expect, test } from './fixtures'
import { callApi } from './server'

const twoChars = (label: string) => new RegExp(`^${label[0]}\\s?${label[1]}$`)

async function pick(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '选择文件' }).click()
  await (await chooser).setFiles(file)
}

async function kind(page: Page, label: string): Promise<void> {
  await page.getByLabel('数据类型').click()
  await page.getByTitle(label, { exact: true }).click()
}

async function importIt(page: Page, fileName: string): Promise<void> {
  await page.getByRole('button', { name: twoChars('导入') }).click()
  await page.getByRole('dialog').getByRole('button', { name: twoChars('导入') }).click()
  await expect(page.getByText(`已导入“${fileName}”`)).toBeVisible()
}

test('a clerk imports an office candidates roster and a two-column members roster through the window', async ({ page, server, workDir }) => {
  // Four files checked and two imported, each a job with its own reading thread.
  test.setTimeout(180_000)
  for (const name of ['龙山村', '凤凰村']) await callApi(server, 'villages.create', { name, kind: '村', committeeElectionDate: '2026-11-26' })
  await page.goto(server.url)
  await page.getByRole('menuitem', { name: '导入导出' }).click()

  // A roster with one wrong post: the clerk takes the problem list to Excel.
  const wrong = path.join(workDir, '人选（有误）.xlsx')
  fs.writeFileSync(wrong, await xlsxBuffer(candidatesRoster(CANDIDATES.map((p, i) => (i === 3 ? { ...p, post: '会计' } : p)))))
  await kind(page, '人选')
  await pick(page, wrong)
  await expect(page.getByText('文件中有 1 处问题，不能导入')).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出问题清单' }).click()
  const saved = path.join(workDir, 'problems.xlsx')
  await (await download).saveAs(saved)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(saved)
  expect(wb.worksheets[0].actualRowCount).toBe(2)
  expect(String(wb.worksheets[0].getRow(2).getCell(11).value)).toContain('无法识别职务“会计”')

  const good = path.join(workDir, '人选花名册.xlsx')
  fs.writeFileSync(good, await xlsxBuffer(candidatesRoster()))
  await pick(page, good)
  await expect(page.getByText(`新增 ${CANDIDATES.length}`)).toBeVisible()
  await expect(page.getByText('问题 0')).toBeVisible()
  const notes = page.getByRole('alert', { name: '导入说明' })
  await expect(notes).toContainText('“填表说明”未读取')
  await expect(notes).toContainText('显示为“待补充”')
  await importIt(page, '人选花名册.xlsx')

  // Two post columns and no 届别: asked once, for the whole file.
  const members = path.join(workDir, '两委成员.xlsx')
  fs.writeFileSync(members, await xlsxBuffer(membersTwoColumns()))
  await kind(page, '两委成员')
  await pick(page, members)
  await expect(page.getByText('缺少必需的列：届别')).toBeVisible()
  await page.getByRole('radio', { name: '本届（新当选）' }).check()
  await expect(page.getByText('新增 9')).toBeVisible()
  await expect(page.getByRole('alert', { name: '导入说明' })).toContainText('全部按导入时选择的“本届”登记')
  await importIt(page, '两委成员.xlsx')

  await page.getByRole('menuitem', { name: '人选库' }).click()
  await expect(page.getByRole('row', { name: /张建国/ })).toContainText('党组织书记、村(居)委会主任（一肩挑）')
  await expect(page.getByRole('row', { name: /李秀英/ })).toContainText('党组织委员、村(居)委会委员（交叉任职）')
  await expect(page.getByRole('row', { name: /赵海燕/ })).toContainText('待补充')

  await page.getByRole('menuitem', { name: '统计' }).click()
  const township = page.getByLabel('全乡镇结构')
  await expect(township).toContainText('1/2（50.0%）')
  await expect(township).toContainText('2/9（22.2%）')
})
