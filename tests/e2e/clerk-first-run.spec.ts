import fs from 'node:fs'
import path from 'node:path'
import { xlsxBuffer } from '../fixtures/rosters'
import { call, expect } from './clerk'
import { test } from './fixtures'

const twoChars = (label: string) => new RegExp(`^${label[0]}\\s?${label[1]}$`)

test('an empty register walks the office through: villages first, the settings, then rosters; the import result stays', async ({ page, server, workDir }) => {
  await page.goto(server.url)
  const guide = page.getByRole('region', { name: '新手向导' })
  await expect(guide).toContainText('第一次使用')
  await expect(guide).toContainText('全乡镇统一选举日')
  await expect(guide).toContainText('县级联审部门')

  // Step 1 leads to the import, where an empty register starts with its villages, not 人员.
  await guide.getByRole('link', { name: '导入村(社区)名册' }).click()
  await expect(page.getByRole('heading', { name: '导入导出' })).toBeVisible()
  const kind = page.locator('.ant-select').filter({ has: page.getByLabel('数据类型', { exact: true }) })
  await expect(kind).toContainText('村社台账')

  const file = path.join(workDir, '村社名册.xlsx')
  fs.writeFileSync(file, await xlsxBuffer([{ name: '村社', rows: [['村(社区)名称', '户数'], ['龙山村', 320], ['石门村', 100]] }]))
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '选择文件' }).click()
  await (await chooser).setFiles(file)
  await expect(page.getByText('新增 2')).toBeVisible()
  await page.getByRole('button', { name: twoChars('导入') }).click()
  await page.getByRole('dialog').getByRole('button', { name: twoChars('导入') }).click()

  // The summary is part of the page (not a passing toast) and says what comes next.
  const done = page.getByRole('status', { name: '导入结果' })
  await expect(done).toContainText('已导入“村社名册.xlsx”：新增 2，更新 0，未变 0')
  await expect(done).toContainText('下一步')
  await expect(done.getByRole('link', { name: '打开设置' })).toBeVisible()
  await expect(page.locator('.ant-message-notice', { hasText: '已导入' })).toHaveCount(0)
  // With villages in the register the walk-through is not shown by itself any more.
  await expect(guide).toBeHidden()
  await expect(done).toBeVisible()
  await done.getByRole('button', { name: '接着导入人员名册' }).click()
  await expect(kind).toContainText('人员')
  expect(await call<unknown[]>(server, 'villages.list', {})).toHaveLength(2)

  await page.reload()
  await expect(page.getByRole('heading', { name: '导入导出' })).toBeVisible()
  await expect(guide).toBeHidden()
  // It can be opened again from the menu, and put away.
  await page.getByRole('button', { name: '新手向导' }).click()
  await expect(guide).toBeVisible()
  await guide.getByRole('button', { name: '收起向导' }).click()
  await expect(guide).toBeHidden()
})

test('the walk-through can be dismissed on an empty register and stays away until asked for', async ({ page, server }) => {
  await page.goto(server.url)
  const guide = page.getByRole('region', { name: '新手向导' })
  await expect(guide).toBeVisible()
  await guide.getByRole('button', { name: '收起向导' }).click()
  await expect(guide).toBeHidden()
  await page.reload()
  await expect(page.getByRole('heading', { name: '村社台账' })).toBeVisible()
  await expect(guide).toBeHidden()
  await page.getByRole('button', { name: '新手向导' }).click()
  await expect(guide).toContainText('第一次使用')
  await guide.getByRole('link', { name: '设置' }).click()
  await expect(page).toHaveURL(/#\/settings$/)
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible({ timeout: 30_000 })
})
