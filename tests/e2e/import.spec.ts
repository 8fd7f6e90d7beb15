import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { badCheckId, idNumber, personRows, voterRows, xlsxBuffer } from '../fixtures/rosters'
import { expect, test } from './fixtures'

/** antd spaces out two-character button labels ("导 入"). */
const twoChars = (label: string) => new RegExp(`^${label[0]}\\s?${label[1]}$`)

async function pick(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '选择文件' }).click()
  await (await chooser).setFiles(file)
}

/** A village roster: a merged title row, the header on row 2, and an unrecognised 包联领导 column. */
async function villageRoster(workDir: string, name: string, bad: boolean): Promise<string> {
  const rows = [
    ['龙山镇村（社区）基本情况表'],
    ['序号', '村(社区)名称', '行政区划代码', '户数', '人口', '包联领导'],
    [1, '龙山村', '330302001001', 320, 1100, '陈明'],
    [2, '凤凰社区', '330302001002', 540, 1800, '刘洋'],
    bad ? [3, '凤凰社区', '330302001003', 100, 300, '刘洋'] : [3, '石门村', '330302001003', 100, 300, '刘洋'],
    bad ? [4, '青石村', '33030200100', 90, 260, '陈明'] : [4, '青石村', '330302001004', 90, 260, '陈明'],
    [],
    ['填表人：王芳', null, null, '日期：2026.3.1']
  ]
  const file = path.join(workDir, name)
  fs.writeFileSync(file, await xlsxBuffer([{ name: '村社', merges: ['A1:F1'], rows }]))
  return file
}

test('a clerk checks a roster with two bad rows, fixes a column, cancels, then imports the corrected file', async ({ page, server, workDir }) => {
  await page.goto(server.url)
  await page.getByRole('menuitem', { name: '导入导出' }).click()
  // An empty register starts at 村社台账 already; the clerk picks it anyway.
  await page.getByLabel('数据类型').click()
  await page.locator('.ant-select-dropdown:visible').getByTitle('村社台账').click()

  await pick(page, await villageRoster(workDir, '村社台账（有误）.xlsx', true))
  await expect(page.getByText('文件中有 2 处问题，不能导入')).toBeVisible()
  const problems = page.getByRole('table', { name: '问题列表' })
  await expect(problems.getByRole('row').nth(1)).toContainText('第 5 行')
  await expect(problems.getByRole('row').nth(1)).toContainText('与第4行重复（名称相同）')
  await expect(problems.getByRole('row').nth(2)).toContainText('第 6 行')
  await expect(problems.getByRole('row').nth(2)).toContainText('C 列（行政区划代码）')
  await expect(problems.getByRole('row').nth(2)).toContainText('行政区划代码应为12位数字')
  await expect(page.getByRole('button', { name: twoChars('导入') })).toBeDisabled()

  // 包联领导 is not a known header: the clerk says it is 包村领导.
  await page.getByLabel('列F“包联领导”导入为').fill('包村')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('row', { name: /包联领导/ })).toContainText('已记住的选择')
  await expect(page.getByRole('columnheader', { name: '包村领导' })).toBeVisible()
  await page.screenshot({ path: path.join(workDir, 'import-errors.png'), fullPage: true })
  if (process.env.IMPORT_SCREENSHOT) fs.copyFileSync(path.join(workDir, 'import-errors.png'), process.env.IMPORT_SCREENSHOT)

  await page.getByRole('button', { name: twoChars('取消') }).first().click()
  await expect(page.getByText('选择一个名册文件，先检查，再导入')).toBeVisible()

  // The corrected file: the remembered column choice applies by itself.
  await pick(page, await villageRoster(workDir, '村社台账.xlsx', false))
  await expect(page.getByText('新增 4')).toBeVisible()
  await expect(page.getByText('问题 0')).toBeVisible()
  await expect(page.getByRole('row', { name: /包联领导/ })).toContainText('已记住的选择')
  await page.getByRole('button', { name: twoChars('导入') }).click()
  await page.getByRole('dialog').getByRole('button', { name: twoChars('导入') }).click()
  await expect(page.getByText('已导入“村社台账.xlsx”：新增 4，更新 0，未变 0')).toBeVisible()

  await page.getByRole('menuitem', { name: '村社台账' }).click()
  await expect(page.getByText('共 4 个村社')).toBeVisible()
  await expect(page.getByRole('row', { name: /凤凰社区/ })).toContainText('刘洋')
  await expect(page.getByRole('row', { name: /青石村/ })).toContainText('330302001004')
})

test('a persons roster shows ID problems row by row and imports nothing until corrected', async ({ page, server, workDir }) => {
  const good = [
    { name: '张三', id: idNumber('19800501', 11, '男'), sex: '男', birth: '1980.05' },
    { name: '李四', id: idNumber('19850312', 22, '女'), sex: '女', birth: '1985.03' }
  ]
  const badFile = path.join(workDir, '人员（有误）.xlsx')
  fs.writeFileSync(
    badFile,
    await xlsxBuffer([{ name: 'Sheet1', rows: personRows([...good, { name: '王五', id: badCheckId('19900101', 5, '男') }, { name: '赵六', id: 330302199001010000 }]) }])
  )
  await page.goto(server.url)
  await page.getByRole('menuitem', { name: '导入导出' }).click()
  // An empty register starts at 村社台账: a persons roster is chosen as such.
  await page.getByLabel('数据类型').click()
  await page.locator('.ant-select-dropdown:visible').getByTitle('人员', { exact: true }).click()
  await pick(page, badFile)
  const problems = page.getByRole('table', { name: '问题列表' })
  await expect(problems.getByRole('row').nth(1)).toContainText('第 6 行')
  await expect(problems.getByRole('row').nth(1)).toContainText('校验位错误')
  await expect(problems.getByRole('row').nth(2)).toContainText('第 7 行')
  await expect(problems.getByRole('row').nth(2)).toContainText('存成了数字')

  const goodFile = path.join(workDir, '人员.xlsx')
  fs.writeFileSync(goodFile, await xlsxBuffer([{ name: 'Sheet1', rows: personRows(good) }]))
  await pick(page, goodFile)
  await expect(page.getByText('新增 2')).toBeVisible()
  await page.getByRole('button', { name: twoChars('导入') }).click()
  await page.getByRole('dialog').getByRole('button', { name: twoChars('导入') }).click()
  await expect(page.getByText('已导入“人员.xlsx”：新增 2，更新 0，未变 0')).toBeVisible()

  await page.getByRole('menuitem', { name: '设置' }).click()
  await expect(page.getByRole('row', { name: /导入人员“人员.xlsx”：新增 2/ })).toBeVisible()
})

test('a clerk imports the villages, then a voter roster into one village, and sees the voters on the 选民 page', async ({ page, server, workDir }) => {
  const villages = path.join(workDir, '村社.xlsx')
  fs.writeFileSync(
    villages,
    await xlsxBuffer([{ name: '村社', rows: [['村(社区)名称', '所属乡镇', '村(居)委会选举日期'], ['龙山村', '龙山镇', '2026-11-26'], ['凤凰村', '龙山镇', '2026-11-26']] }])
  )
  const roster = path.join(workDir, '龙山村选民名单.xlsx')
  fs.writeFileSync(
    roster,
    await xlsxBuffer([
      {
        name: '选民名单',
        merges: ['A1:I1'],
        rows: voterRows([
          { group: '1组', name: '张三', sex: '男', id: idNumber('19800501', 11, '男'), address: '龙山村1组5号', category: '一类' },
          { group: '1组', name: '李四', sex: '女', id: idNumber('19850312', 22, '女'), address: '龙山村1组8号', category: '二类' },
          { group: '2组', name: '王五', id: idNumber('19920101', 33, '男'), address: '龙山村2组1号', category: '三类', approval: ['2026-02-20', '村民代表会议'] }
        ])
      }
    ])
  )

  await page.goto(server.url)
  await page.getByRole('menuitem', { name: '导入导出' }).click()
  // An empty register starts at 村社台账 already; the clerk picks it anyway.
  await page.getByLabel('数据类型').click()
  await page.locator('.ant-select-dropdown:visible').getByTitle('村社台账').click()
  await pick(page, villages)
  await expect(page.getByText('新增 2')).toBeVisible()
  await page.getByRole('button', { name: twoChars('导入') }).click()
  await page.getByRole('dialog').getByRole('button', { name: twoChars('导入') }).click()
  await expect(page.getByText('已导入“村社.xlsx”：新增 2，更新 0，未变 0')).toBeVisible()

  await page.getByLabel('数据类型').click()
  await page.getByTitle('选民', { exact: true }).click()
  await page.getByLabel('所属村社').click()
  await page.getByTitle('龙山村').click()
  await pick(page, roster)
  await expect(page.getByText('新增 3')).toBeVisible()
  await expect(page.getByText('问题 0')).toBeVisible()
  await page.getByRole('button', { name: twoChars('导入') }).click()
  await page.getByRole('dialog').getByRole('button', { name: twoChars('导入') }).click()
  await expect(page.getByText('已导入“龙山村选民名单.xlsx”：新增 3，更新 0，未变 0')).toBeVisible()

  await page.getByRole('menuitem', { name: '选民' }).click()
  const village = page.getByRole('row', { name: /龙山村/ })
  await expect(village).toContainText('2026-11-26')
  await village.getByText('龙山村').click()
  await expect(page.getByText('共 3 人')).toBeVisible()
  await expect(page.getByRole('row', { name: /张三/ })).toContainText('1组')
  await expect(page.getByRole('row', { name: /王五/ })).toContainText('三类')
  await expect(page.getByRole('row', { name: /李四/ })).toContainText('二类')
})
