import type { Page } from '@playwright/test'
import { call, expect, idNumber } from './clerk'
import { test } from './fixtures'

const dropdown = (page: Page) => page.locator('.ant-select-dropdown:visible')

async function typeInto(page: Page, label: string, text: string) {
  const box = page.getByLabel(label, { exact: true })
  await box.click()
  await box.pressSequentially(text)
}

test('the village pickers take pinyin and initials: 提名 and the shared village select', async ({ page, server }) => {
  for (const name of ['龙山村', '石桥村', '东风社区']) await call(server, 'villages.create', { name, kind: name.endsWith('社区') ? '社区' : '村' })
  const rec = await call<{ person: { id: number } }>(server, 'persons.create', { person: { name: '王建国', idNumber: idNumber('1976-07-15', 11) } })

  // 提名: the village is found by its initials and by its full pinyin.
  await page.goto(`${server.url}#/candidates/person/${rec.person.id}`)
  await page.getByRole('button', { name: '提名为人选' }).click()
  await typeInto(page, '村社', 'sqc')
  await expect(dropdown(page).getByTitle('石桥村', { exact: true })).toBeVisible()
  await expect(dropdown(page).getByTitle('龙山村', { exact: true })).toHaveCount(0)
  await dropdown(page).getByTitle('石桥村', { exact: true }).click()
  await expect(page.locator('.ant-modal:visible .ant-select-content, .ant-modal:visible .ant-select-selection-item').filter({ hasText: '石桥村' }).first()).toBeVisible()
  await page.keyboard.press('Escape')
  await page.locator('.ant-modal:visible').getByRole('button', { name: /取\s*消/ }).click()

  // The shared select (选民, 选举结果, 两委名册) finds 东风社区 by dongfeng.
  await page.goto(`${server.url}#/voters`)
  await typeInto(page, '选择村社', 'dongfeng')
  await expect(dropdown(page).getByTitle('东风社区', { exact: true })).toBeVisible()
  await expect(dropdown(page).getByTitle('石桥村', { exact: true })).toHaveCount(0)
  await dropdown(page).getByTitle('东风社区', { exact: true }).click()
  await expect(page.getByLabel('选择村社', { exact: true }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')).toContainText('东风社区')
})
