import { call, expect, SAVE } from './clerk'
import { test } from './fixtures'

test('a number outside its range is refused with the range, never changed: 村委会职数 9, 公示期 0', async ({ page, server }) => {
  await page.goto(server.url)
  await page.getByRole('button', { name: '新增村社' }).click()
  const dialog = page.getByRole('dialog', { name: '新增村社' })
  await dialog.getByLabel('名称').fill('龙山村')
  const seats = dialog.getByLabel('村(居)委会职数')
  await seats.fill('9')
  await seats.press('Tab')
  await expect(seats).toHaveValue('9')
  await expect(dialog.getByText('应在3–7人之间')).toBeVisible()
  await dialog.getByRole('button', { name: SAVE }).click()
  await expect(dialog).toBeVisible()
  await expect(seats).toHaveValue('9')
  expect(await call<unknown[]>(server, 'villages.list', {})).toHaveLength(0)

  // The server refuses the same with the range, whatever sends it.
  await expect(call(server, 'vetting.saveSetting', { key: 'publicityDays', value: 0 })).rejects.toThrow('应在1–30个工作日之间')
  await expect(call(server, 'vetting.saveSetting', { key: 'partyMarginPercent', value: 140 })).rejects.toThrow('应在0–100之间')

  await page.keyboard.press('Escape')
  await page.getByRole('menuitem', { name: '设置' }).click()
  const card = page.getByRole('form', { name: '人选审查设置' })
  const days = card.getByLabel('公示期(工作日)')
  await expect(days).toHaveValue('5', { timeout: 30_000 })
  await days.fill('0')
  await days.press('Tab')
  await expect(days).toHaveValue('0')
  await expect(card.getByText('应在1–30之间')).toBeVisible()
  await card.getByRole('button', { name: '保存人选审查设置' }).click()
  await expect(days).toHaveValue('0')
  await expect(card.getByText('应在1–30之间')).toBeInViewport()
  expect((await call<{ publicityDays: number }>(server, 'vetting.settings', {})).publicityDays).toBe(5)
})

test('a refusal in 设置 shows where the clerk is looking, beside the field, and keeps what was typed', async ({ page, server }) => {
  await page.goto(`${server.url}#/settings`)
  const card = page.getByRole('form', { name: '人选审查设置' })
  await expect(card.getByText('纪委监委')).toBeVisible({ timeout: 30_000 })
  // Seven departments: the register refuses (8 to 16), the form has no rule of its own for it.
  for (let i = 0; i < 9; i++) await card.locator('.ant-select-selection-item-remove, .ant-select-selection-item-remove').first().click()
  await card.getByRole('button', { name: '保存人选审查设置' }).scrollIntoViewIfNeeded()
  await card.getByRole('button', { name: '保存人选审查设置' }).click()
  const alert = page.getByRole('alert').filter({ hasText: '联审部门至少8个' }).first()
  await expect(alert).toBeInViewport()
  await expect(alert).toContainText('县级联审部门')
  await expect(card.locator('.ant-form-item').filter({ hasText: '县级联审部门' }).first().getByText('联审部门至少8个')).toBeVisible()
  await expect(card.getByText('税务')).toBeVisible()
  expect(await call<{ reviewDepartments: string[] }>(server, 'vetting.settings', {}).then((s) => s.reviewDepartments)).toHaveLength(16)
})

test('leaving a page or closing the window with unsaved edits asks first', async ({ page, server }) => {
  await page.goto(`${server.url}#/settings`)
  const card = page.getByRole('form', { name: '人选审查设置' })
  const days = card.getByLabel('公示期(工作日)')
  await expect(days).toHaveValue('5', { timeout: 30_000 })
  await days.fill('7')

  // The menu: 留在此页 keeps the page and the typed value.
  await page.getByRole('menuitem', { name: '村社台账' }).click()
  const ask = page.getByRole('dialog').filter({ hasText: '有未保存的修改' })
  await expect(ask).toBeVisible()
  await ask.getByRole('button', { name: '留在此页' }).click()
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible()
  await expect(days).toHaveValue('7')
  expect(new URL(page.url()).hash).toBe('#/settings')

  // Back in the browser asks too.
  await page.evaluate(() => (window.location.hash = '#/voters'))
  await expect(ask).toBeVisible()
  await ask.getByRole('button', { name: '留在此页' }).click()
  await expect(days).toHaveValue('7')

  // Closing the window asks (the browser's own question).
  const asked = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.type()), void d.dismiss())))
  await page.close({ runBeforeUnload: true })
  expect(await asked).toBe('beforeunload')
})

test('saved edits leave without a question; 放弃修改 leaves', async ({ page, server }) => {
  await page.goto(`${server.url}#/settings`)
  const card = page.getByRole('form', { name: '人选审查设置' })
  const days = card.getByLabel('公示期(工作日)')
  await expect(days).toHaveValue('5', { timeout: 30_000 })
  await days.fill('7')
  await card.getByRole('button', { name: '保存人选审查设置' }).click()
  await expect(page.getByText('设置已保存')).toBeVisible()
  await page.getByRole('menuitem', { name: '村社台账' }).click()
  await expect(page.getByRole('heading', { name: '村社台账' })).toBeVisible()

  await page.getByRole('menuitem', { name: '设置' }).click()
  await expect(days).toHaveValue('7')
  await days.fill('9')
  await page.getByRole('menuitem', { name: '选民' }).click()
  const ask = page.getByRole('dialog').filter({ hasText: '有未保存的修改' })
  await ask.getByRole('button', { name: '放弃修改并离开' }).click()
  await expect(page.getByRole('heading', { name: '选民登记' })).toBeVisible()
  expect((await call<{ publicityDays: number }>(server, 'vetting.settings', {})).publicityDays).toBe(7)
})
