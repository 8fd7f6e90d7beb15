import type { Locator } from '@playwright/test'
import { makeIdNumber } from '../fixtures/ids'
import { expect, test } from './fixtures'
import { callApi as call } from './server'

const ZHANG = makeIdNumber('1980-06-01', '男', 1)
const WANG = makeIdNumber('1964-02-28', '男', 3)

/** One keying of the same paper sheet; `zhangVotes` is where the second clerk slips. */
async function keySheet(dialog: Locator, clerk: string, zhangVotes: number) {
  await dialog.getByLabel('录入人').fill(clerk)
  await dialog.getByLabel('登记选民数').fill('1000')
  await dialog.getByLabel('发出选票').fill('620')
  await dialog.getByLabel('收回选票').fill('600')
  await dialog.getByLabel('有效票').fill('590')
  await dialog.getByLabel('无效票').fill('10')
  await dialog.getByLabel('被选举人1姓名').fill('张伟')
  await dialog.getByLabel('被选举人1身份证号').fill(ZHANG)
  await dialog.getByLabel('被选举人1得票').fill(String(zhangVotes))
  await dialog.getByRole('button', { name: '添加被选举人' }).click()
  await dialog.getByLabel('被选举人2姓名').fill('王强')
  await dialog.getByLabel('被选举人2身份证号').fill(WANG)
  await dialog.getByLabel('被选举人2得票').fill('150')
  await dialog.getByRole('button', { name: /保\s*存/ }).click()
  await expect(dialog).toBeHidden()
}

test('a count sheet keyed twice with one typo shows the difference, is resolved, and gives the result', async ({ page, server }) => {
  await call(server, 'villages.create', { name: '东山村', kind: '村', committeeElectionDate: '2026-03-01', committeeSeats: 3 })
  await page.goto(`${server.url}#/elections`)
  await page.getByLabel('选择村社').click()
  await page.getByTitle('东山村').click()

  await page.getByRole('button', { name: '双人录入村委会计票单' }).click()
  await keySheet(page.getByRole('dialog', { name: '村(居)委会计票单第一次录入' }), '张晓燕', 420)
  const sheet = page.getByRole('region', { name: /计票单\d+/ }).or(page.locator('[aria-label^="计票单"]')).first()
  await expect(sheet).toContainText('待第二次录入')
  await expect(page.getByText('还没有录入选举结果')).toHaveCount(2)

  await sheet.getByRole('button', { name: '第二次录入' }).click()
  const second = page.getByRole('dialog', { name: '村(居)委会计票单第二次录入' })
  // Blind: nothing of the first keying is in the second form.
  await expect(second.getByLabel('收回选票')).toHaveValue('')
  await keySheet(second, '李明', 402)

  await expect(sheet).toContainText('有差异')
  const diff = sheet.getByRole('table', { name: '两次录入的差异' }).or(sheet.locator('[aria-label="两次录入的差异"]')).first()
  await expect(diff.getByRole('row', { name: /主任·张伟·得票/ })).toContainText('420')
  await expect(diff.getByRole('row', { name: /主任·张伟·得票/ })).toContainText('402')
  await expect(diff.getByRole('row')).toHaveCount(2)

  await sheet.getByLabel('第一次（420）').check()
  await sheet.getByLabel('裁定人').fill('王主任')
  await sheet.getByLabel('裁定理由').fill('核对纸质计票单，张伟得票420')
  await expect(sheet.getByLabel('裁定理由')).toHaveValue('核对纸质计票单，张伟得票420')
  await sheet.getByRole('button', { name: '确认裁定' }).click()

  await expect(page.getByText('双人核对一致 · 已锁定 · 第1版')).toBeVisible()
  const director = page.getByRole('region', { name: '主任计票结果' }).first()
  await expect(director.getByRole('row', { name: /张伟/ })).toContainText('得票420，超过参加投票人数600的半数，按得票多少排第1位，在应选1名之内，当选')
  await expect(page.getByLabel('村委会当选人员')).toContainText('主任 张伟')
  await expect(page.getByRole('button', { name: '更正' })).toBeVisible()
})
