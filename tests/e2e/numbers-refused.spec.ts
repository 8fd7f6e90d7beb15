import { call, expect } from './clerk'
import { test } from './fixtures'

type Template = { name: string; durationDays: number }[]

test('a number outside its range is refused with the range, never changed: the plan template’s 天数', async ({ page, server }) => {
  const before = await call<Template>(server, 'plans.template', {})
  await page.goto(`${server.url}#/settings`)
  const first = page.getByLabel('天数', { exact: true }).first()
  await first.scrollIntoViewIfNeeded()
  // Emptied, the cell stays empty (it used to become 1) and says what it needs.
  await first.fill('')
  await first.press('Tab')
  await expect(first).toHaveValue('')
  await expect(page.getByText('请填写天数')).toBeVisible()
  await page.getByRole('button', { name: '保存模板' }).click()
  await expect(page.getByText(`模板未保存：第1步“${before[0].name}”：请填写天数`)).toBeVisible()
  // Too many days is kept as typed (it used to become 90) and refused with the range.
  await first.fill('200')
  await first.press('Tab')
  await expect(first).toHaveValue('200')
  await expect(page.getByText('天数应在1–90天之间')).toBeVisible()
  await page.getByRole('button', { name: '保存模板' }).click()
  await expect(page.getByText(`模板未保存：第1步“${before[0].name}”：天数应在1–90天之间`)).toBeVisible()
  await expect(page.getByText('已保存工作计划模板')).toHaveCount(0)
  // Put right, it saves (and leaves no unsaved edit behind).
  await first.fill(String(before[0].durationDays))
  await first.press('Tab')
  await page.getByRole('button', { name: '保存模板' }).click()
  await expect(page.getByText('已保存工作计划模板')).toBeVisible()
  await expect(page.getByText('模板未保存')).toHaveCount(0)
})
