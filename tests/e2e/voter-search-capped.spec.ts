import { call, expect, idNumber } from './clerk'
import { test } from './fixtures'

test('a search that finds more than 1,000 voters says 超过 1000 人 and pages through the first thousand in list order', async ({ page, server }) => {
  // 1,120 registrations through the API: seconds on a quiet machine, more on a shared one.
  test.setTimeout(150_000)
  const village = await call<{ id: number }>(server, 'villages.create', { name: '龙山村', kind: '村', committeeElectionDate: '2026-12-20' })
  // 1,100 王 and 20 李: a dense search and a sparse one in one list.
  const voters = Array.from({ length: 1120 }, (_, i) => ({
    villageId: village.id,
    idNumber: idNumber(`19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`, Math.floor(i / 90) * 2 + 1),
    name: i % 56 === 55 ? `李${'伟芳'[i % 2]}` : `王${'伟芳明'[i % 3]}`,
    category: 1,
    groupName: `第${1 + (i % 3)}组`
  }))
  for (let i = 0; i < voters.length; i += 40) await Promise.all(voters.slice(i, i + 40).map((v) => call(server, 'voters.create', v)))

  await page.goto(server.url)
  await page.getByRole('menuitem', { name: '选民' }).click()
  await page.getByRole('row', { name: /龙山村/ }).getByText('龙山村').click()
  await expect(page.getByText('共 1120 人')).toBeVisible()

  const search = page.getByLabel('查找选民')
  await search.fill('w')
  await search.press('Enter')
  await expect(page.getByText('超过 1000 人，只列出前 1000 人；请输入更多字缩小查找范围')).toBeVisible()
  // 50 a page: the pager ends at page 20, the thousandth match.
  await expect(page.locator('.ant-pagination-item-20')).toBeVisible()
  await expect(page.locator('.ant-pagination-item-21')).toHaveCount(0)
  const first = await call<{ rows: { id: number }[]; total: number; capped: boolean }>(server, 'voters.list', { villageId: village.id, search: 'w', pageSize: 50 })
  expect(first).toMatchObject({ total: 1000, capped: true })
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toContainText('第1组')

  await search.fill('李')
  await search.press('Enter')
  await expect(page.getByText('共 20 人')).toBeVisible()
})
