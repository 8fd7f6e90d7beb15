import type { Page } from '@playwright/test'
import { makeIdNumber } from '../fixtures/ids'
import { expect, test } from './fixtures'
import { callApi as call } from './server'

async function candidate(page: Page, n: number, name: string, idNumber: string, votes: number) {
  await page.getByLabel(`被选举人${n}姓名`).last().fill(name)
  await page.getByLabel(`被选举人${n}身份证号`).last().fill(idNumber)
  await page.getByLabel(`被选举人${n}得票`).last().fill(String(votes))
}

test('a clerk enters a village result, sees who is elected and why, and the township statistics follow', async ({ page, server }) => {
  const village = await call<{ id: number }>(server, 'villages.create', { name: '东山村', kind: '村', committeeElectionDate: '2026-03-01', committeeSeats: 3 })
  await call(server, 'members.create', {
    villageId: village.id,
    term: '上届',
    body: '村委会',
    post: '主任',
    name: '老周',
    idNumber: makeIdNumber('1960-01-01', '男', 7),
    electedOn: '2021-03-01'
  })

  await page.goto(`${server.url}#/statistics`)
  const township = page.getByLabel('全乡镇结构')
  await expect(township).toContainText('两委成员0人')

  await page.getByRole('menuitem', { name: '选举结果' }).click()
  await page.getByLabel('选择村社').click()
  await page.getByTitle('东山村').click()
  await page.getByRole('button', { name: '录入村委会选举结果' }).click()

  const dialog = page.getByRole('dialog', { name: '录入村(居)委会选举结果' })
  await expect(dialog.getByLabel('选举日期')).toHaveValue('2026-03-01')
  await dialog.getByLabel('登记选民数').fill('1000')
  await dialog.getByLabel('发出选票').fill('620')
  await dialog.getByLabel('收回选票').fill('600')
  await dialog.getByLabel('有效票').fill('590')
  await dialog.getByLabel('无效票').fill('10')
  // 委托投票 and 流动票箱投票 are among those who voted: together above 收回选票 they are refused as typed.
  await dialog.getByLabel('委托投票人数').fill('450')
  await dialog.getByLabel('流动票箱投票人数').fill('200')
  await expect(dialog).toContainText('委托投票（450）与流动票箱投票（200）之和不能多于参加投票人数（即收回选票，600）')
  await dialog.getByLabel('委托投票人数').fill('25')
  await dialog.getByLabel('流动票箱投票人数').fill('40')

  await candidate(page, 1, '张伟', makeIdNumber('1980-06-01', '男', 1), 420)
  await dialog.getByRole('button', { name: '添加被选举人' }).click()
  await candidate(page, 2, '王强', makeIdNumber('1964-02-28', '男', 3), 150)
  await dialog.getByRole('button', { name: '添加职位' }).click()
  const committee = dialog.locator('.ant-card').nth(1)
  await committee.getByLabel('应选名额').fill('2')
  await candidate(page, 1, '李娜', makeIdNumber('1995-01-01', '女', 2), 330)
  await committee.getByRole('button', { name: '添加被选举人' }).click()
  await candidate(page, 2, '赵刚', makeIdNumber('1990-03-01', '男', 4), 300)

  // The rules run as the clerk types: more ballots returned than issued make the election void (选举无效), as the law records it.
  await dialog.getByLabel('收回选票').fill('630')
  await dialog.getByLabel('有效票').fill('620')
  await expect(dialog).toContainText('收回选票630张，多于发出选票620张，选举无效')
  await dialog.getByLabel('有效票').fill('590')
  await dialog.getByLabel('收回选票').fill('600')
  await expect(dialog.getByLabel('主任计票结果')).toContainText('当选')

  await dialog.getByRole('button', { name: /保\s*存/ }).click()
  await expect(dialog).toBeHidden()

  const director = page.getByRole('region', { name: '主任计票结果' }).first()
  await expect(director.getByRole('row', { name: /张伟/ })).toContainText('得票420，超过参加投票人数600的半数，按得票多少排第1位，在应选1名之内，当选')
  const members = page.getByRole('region', { name: '委员计票结果' }).first()
  await expect(members.getByRole('row', { name: /赵刚/ })).toContainText('得票300，恰为参加投票人数600的半数（至少需301票），未当选')
  await expect(page.getByText('登记选民1000人，参加投票600人，超过半数（至少需501人），选举有效')).toBeVisible()
  await expect(page.getByText('应选3名，已选出2名，尚缺1名，应另行选举')).toBeVisible()
  await expect(page.getByLabel('村委会当选人员')).toContainText('主任 张伟')
  const report = await call<{ bodies: { body: string; elections: { proxyVotes: number | null; mobileVotes: number | null }[] }[] }>(server, 'elections.report', { villageId: village.id })
  expect(report.bodies.find((b) => b.body === '村委会')!.elections.map((e) => [e.proxyVotes, e.mobileVotes])).toEqual([[25, 40]])

  await page.getByRole('menuitem', { name: '统计' }).click()
  await expect(township).toContainText('两委成员2人')
  await expect(township).toContainText('1/2（50.0%）')
  await expect(township).toContainText('38岁')
  const trend = page.getByRole('region', { name: '五升一降' })
  await expect(trend.getByRole('row', { name: /平均年龄/ })).toContainText('由61岁降至38岁，实现下降')
  await expect(trend.getByRole('row', { name: /女性成员比例/ })).toContainText('达成')
})
