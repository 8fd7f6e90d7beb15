import { call, expect, idNumber, screenshot, visibleModal } from './clerk'
import { test } from './fixtures'

test('登记选民 with an ID already registered refuses, opens that voter, and an edit shows what changes before saving', async ({ page, server }) => {
  const village = await call<{ id: number }>(server, 'villages.create', { name: '龙山村', kind: '村', committeeElectionDate: '2026-12-20' })
  const id = idNumber('1966-02-03', 24)
  await call(server, 'voters.create', { villageId: village.id, idNumber: id, name: '周桂兰', category: 2, groupName: '第3组', address: '后山12号' })
  await call(server, 'voters.create', { villageId: village.id, idNumber: idNumber('1971-08-15', 13), name: '吴德明', category: 1, groupName: '第1组' })

  await page.goto(server.url)
  await page.getByRole('menuitem', { name: '选民' }).click()
  await page.getByRole('row', { name: /龙山村/ }).getByText('龙山村').click()
  await expect(page.getByText('共 2 人')).toBeVisible()

  await page.getByRole('button', { name: '登记选民' }).click()
  let modal = visibleModal(page).filter({ hasText: '登记选民' })
  await modal.getByLabel('公民身份号码').fill(id)
  await modal.getByLabel('姓名').fill('周桂兰')
  await modal.getByRole('button', { name: '保存' }).click()
  const refusal = page.getByRole('dialog').filter({ hasText: '该身份证号已经登记' })
  await expect(refusal).toContainText('已登记为本村选民“周桂兰”')
  await refusal.getByRole('button', { name: '打开该选民' }).click()

  // The dialog now holds the registered voter as saved: nothing was overwritten.
  modal = visibleModal(page).filter({ hasText: '修改选民：周桂兰' })
  await expect(modal.getByLabel('村民小组')).toHaveValue('第3组')
  await expect(modal.getByLabel('住址')).toHaveValue('后山12号')
  await expect(modal.locator('.ant-form-item').filter({ hasText: '登记类别' })).toContainText('二类')
  let saved = await call<{ category: number; groupName: string; address: string }>(server, 'voters.get', { id: 1 })
  expect([saved.category, saved.groupName, saved.address]).toEqual([2, '第3组', '后山12号'])

  // An edit lists what it changes; 返回修改 keeps the form, 保存修改 saves.
  await modal.getByLabel('住址').fill('后山14号')
  await modal.getByRole('button', { name: '保存' }).click()
  const confirm = page.getByRole('dialog').filter({ hasText: '修改选民“周桂兰”的以下内容？' })
  const changes = confirm.getByRole('table')
  await expect(changes).toContainText('住址')
  await expect(changes).toContainText('后山12号')
  await expect(changes).toContainText('后山14号')
  await expect(changes).not.toContainText('村民小组')
  await screenshot(page, 'voter-change-confirm', test.info())
  await confirm.getByRole('button', { name: '返回修改' }).click()
  await expect(modal.getByLabel('住址')).toHaveValue('后山14号')
  saved = await call(server, 'voters.get', { id: 1 })
  expect(saved.address).toBe('后山12号')
  await modal.getByRole('button', { name: '保存' }).click()
  await page.getByRole('dialog').filter({ hasText: '修改选民“周桂兰”的以下内容？' }).getByRole('button', { name: '保存修改' }).click()
  await expect(page.getByText('已保存选民“周桂兰”')).toBeVisible()
  saved = await call(server, 'voters.get', { id: 1 })
  expect([saved.category, saved.groupName, saved.address]).toEqual([2, '第3组', '后山14号'])
  await expect(page.getByText('共 2 人')).toBeVisible()
})
