import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { call, confirmFormal, DEPARTMENTS, expect, idNumber } from './clerk'
import { test } from './fixtures'

test('a clerk prints the ballots of a village: candidates in 姓氏笔画 order, 另选人 lines, the seal box', async ({ page, server, workDir }) => {
  await call(server, 'vetting.saveSetting', { key: 'reviewDepartments', value: DEPARTMENTS })
  const v = await call<{ id: number }>(server, 'villages.create', { name: '东岭村', kind: '村', township: '青山镇', committeeElectionDate: '2026-04-01', committeeSeats: 3 })
  await call(server, 'villages.create', { name: '西坡村', kind: '村', township: '青山镇' })
  // 丁2 白5 周8 strokes; by pinyin 白丁周, by code point 丁周白.
  for (const [i, name] of ['周强', '白雪', '丁一'].entries()) {
    const p = await call<{ person: { id: number } }>(server, 'persons.create', { person: { name, idNumber: idNumber(`198${i}-02-0${i + 1}`, 11 + 2 * i), villageId: v.id }, profile: { politicalStatus: '群众' } })
    const c = await call<{ id: number }>(server, 'candidates.propose', { personId: p.person.id, villageId: v.id, committeePost: '委员', source: '群众推荐', proposedOn: '2026-03-02' })
    await confirmFormal(server, c.id)
  }

  await page.goto(server.url)
  await page.getByRole('menuitem', { name: '导入导出' }).click()
  await page.getByRole('tab', { name: '导出', exact: true }).click()
  await page.getByLabel('导出范围').click()
  await page.getByTitle('东岭村').click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出选票PDF' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^青山镇_东岭村_选票_\d{8}\.pdf$/)
  const saved = path.join(workDir, 'ballots.pdf')
  await file.saveAs(saved)
  const text = execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' })
  const ballot = text.split('\f').find((p) => p.includes('东岭村2026年村民委员会委员选举选票') && !p.includes('流动票箱'))!.replace(/\s+/g, '')
  const at = ['丁一', '白雪', '周强'].map((n) => ballot.indexOf(n))
  expect(at[0]).toBeGreaterThan(-1)
  expect(at[0] < at[1] && at[1] < at[2], `stroke order in ${ballot}`).toBe(true)
  // 3 seats, one of them 主任: two 委员.
  for (const t of ['应选委员2名', '另选人姓名', '划票说明', '东岭村村民选举委员会（盖章）']) expect(ballot).toContain(t)
  expect(text).toContain('（流动票箱）')

  // A village without 正式候选人 says why instead of giving an empty file.
  await page.getByLabel('导出范围').click()
  await page.getByTitle('西坡村').click()
  await page.getByRole('button', { name: '导出选票PDF' }).click()
  await expect(page.getByText('“西坡村”还没有确定正式候选人')).toBeVisible()

  // The office words a notice once: preview it filled with a real village, then save it as a version.
  await page.getByRole('tab', { name: '公告模板' }).click()
  await page.getByLabel('公告正文').fill('本{村}定于{选举日}选举{村民委员会}。')
  await page.getByLabel('预览村社').click()
  await page.locator('.ant-select-dropdown:visible').getByTitle('东岭村').click()
  await page.getByRole('button', { name: '预览' }).click()
  await expect(page.getByLabel('公告预览')).toContainText('本村定于2026年4月1日选举村民委员会。')
  await page.getByRole('button', { name: '保存为新版本' }).click()
  await expect(page.getByText('已保存“选举日及选举方式”公告模板第1版')).toBeVisible()
  await expect(page.getByRole('cell', { name: '第1版' })).toBeVisible()
})
