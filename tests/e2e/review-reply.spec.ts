import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { call, choose, expect, pickDate, seedVetting } from './clerk'
import { test } from './fixtures'

const DEPARTMENTS = ['纪委监委', '组织部', '政法委', '公安', '法院', '检察院', '信访局', '民政局']

test('a department’s 回执 exported, filled with one exception, imported back: the 联审看板 shows its verdicts', async ({ page, server, workDir }) => {
  const { candidates } = await seedVetting(
    server,
    [
      { name: '孙建华', birth: '1981-05-12', seq: 31 },
      { name: '周美玲', birth: '1986-09-03', seq: 42 },
      { name: '吴国栋', birth: '1977-01-28', seq: 17 }
    ],
    DEPARTMENTS
  )
  await call(server, 'review.sendMany', { candidateIds: candidates.map((c) => c.id), sentOn: '2026-03-06' })
  await page.goto(`${server.url}#/candidates/review`)
  await page.getByRole('button', { name: '录入部门回复' }).click()
  const modal = page.getByRole('dialog', { name: '录入部门回复' })
  await choose(page, '回复部门', '公安')
  await expect(modal.getByText('送审 3 人，不通过 0 人')).toBeVisible()

  const download = page.waitForEvent('download')
  await modal.getByRole('button', { name: '导出回执（Excel）' }).click()
  const file = path.join(workDir, (await download).suggestedFilename())
  await (await download).saveAs(file)
  expect(path.basename(file)).toMatch(/^公安_联审回执_\d{8}\.xlsx$/)

  // The department fills it in Excel: 周美玲 不通过 with its reason, the others left 通过.
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const ws = wb.worksheets[0]
  let filled = 0
  ws.eachRow((row) => {
    if (row.getCell(3).value === '周美玲') {
      row.getCell(9).value = '不通过'
      row.getCell(10).value = '涉嫌违法占地，正在查处'
      filled++
    }
  })
  expect(filled).toBe(1)
  const back = path.join(workDir, '公安回执（已填）.xlsx')
  await wb.xlsx.writeFile(back)

  // Without the reply date the file is not read: every verdict goes in under that one date.
  const noDate = page.waitForEvent('filechooser', { timeout: 2000 }).catch(() => null)
  await modal.getByRole('button', { name: '导入回执…' }).click()
  await expect(modal.getByText('请先在上方选择部门的反馈日期')).toBeVisible()
  expect(await noDate).toBeNull()

  await pickDate(modal, '部门反馈日期', '2026-03-10')
  const chooser = page.waitForEvent('filechooser')
  await modal.getByRole('button', { name: '导入回执…' }).click()
  await (await chooser).setFiles(back)
  await expect(modal.getByText('共 3 人：将更新 3 人')).toBeVisible()
  await modal.getByRole('button', { name: '导入回执结论' }).click()
  await expect(modal).toBeHidden()

  await expect(page.getByLabel('周美玲公安意见')).toHaveText('不通过')
  await expect(page.getByLabel('孙建华公安意见')).toHaveText('通过')
  await expect(page.getByLabel('吴国栋公安意见')).toHaveText('通过')
  await expect(page.getByLabel('周美玲法院意见')).toHaveText('待反馈')
  const board = await call<{ rows: { candidate: { name: string }; verdicts: Record<string, { verdict: string; reason: string; decidedOn: string | null }> }[] }>(
    server,
    'review.board',
    {}
  )
  expect(board.rows.map((r) => [r.candidate.name, r.verdicts['公安'].verdict, r.verdicts['公安'].reason, r.verdicts['公安'].decidedOn]).sort()).toEqual(
    [
      ['周美玲', '不通过', '涉嫌违法占地，正在查处', '2026-03-10'],
      ['吴国栋', '通过', '', '2026-03-10'],
      ['孙建华', '通过', '', '2026-03-10']
    ].sort()
  )
  fs.rmSync(back)
})
