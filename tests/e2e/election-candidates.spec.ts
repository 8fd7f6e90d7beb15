import { call, confirmFormal, DEPARTMENTS, expect, idNumber, screenshot } from './clerk'
import { test } from './fixtures'

test('results are chosen from the village’s 正式候选人; a 人选 before 公示 is refused; the chosen one’s 党员 status counts', async ({ page, server }) => {
  await call(server, 'vetting.saveSetting', { key: 'reviewDepartments', value: DEPARTMENTS })
  const v = await call<{ id: number }>(server, 'villages.create', { name: '东山村', kind: '村', committeeElectionDate: '2026-04-01', committeeSeats: 3 })
  const person = (name: string, birth: string, seq: number, politicalStatus: string) =>
    call<{ person: { id: number } }>(server, 'persons.create', { person: { name, idNumber: idNumber(birth, seq), villageId: v.id }, profile: { politicalStatus } })
  const propose = (personId: number) =>
    call<{ id: number }>(server, 'candidates.propose', { personId, villageId: v.id, committeePost: '主任', source: '群众推荐', proposedOn: '2026-03-02' })
  const chen = await person('陈立新', '1978-05-06', 15, '中共党员')
  const he = await person('何美玲', '1986-10-11', 26, '中共党员')
  await confirmFormal(server, (await propose(chen.person.id)).id)
  await propose(he.person.id)

  await page.goto(server.url)
  await page.getByRole('menuitem', { name: '选举结果' }).click()
  await page.getByLabel('选择村社').click()
  await page.getByTitle('东山村').click()
  await page.getByRole('button', { name: '录入村委会选举结果' }).click()
  const dialog = page.getByRole('dialog', { name: '录入村(居)委会选举结果' })
  for (const [label, n] of [['登记选民数', 500], ['发出选票', 400], ['收回选票', 400], ['有效票', 396], ['无效票', 4]] as const) {
    await dialog.getByLabel(label).fill(String(n))
  }

  // The name box offers the village's 人选: the formal one to choose, the one before 公示 shown but not choosable.
  await dialog.getByLabel('被选举人1姓名').click()
  const list = page.locator('.ant-select-dropdown:visible')
  await expect(list.getByText('陈立新 · 村(居)委会主任')).toBeVisible()
  await expect(list.locator('.ant-select-item-option-disabled')).toContainText('何美玲 · 村(居)委会主任（初步人选，未确定为正式候选人）')
  await screenshot(page, 'result-candidates', test.info())
  await list.getByText('陈立新 · 村(居)委会主任').click()
  await expect(dialog.getByLabel('被选举人1身份证号')).toHaveValue(idNumber('1978-05-06', 15))
  await dialog.getByLabel('被选举人1得票').fill('300')

  // Typing the one before 公示 instead is refused with the reason.
  await dialog.getByRole('button', { name: '添加被选举人' }).click()
  await dialog.getByLabel('被选举人2姓名').fill('何美玲')
  await dialog.getByLabel('被选举人2得票').fill('90')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog.getByRole('alert').filter({ hasText: '何美玲' })).toContainText('“何美玲”尚未确定为正式候选人（目前为初步人选）')
  const report = await call<{ bodies: { elections: unknown[] }[] }>(server, 'elections.report', { villageId: v.id })
  expect(report.bodies.flatMap((b) => b.elections)).toHaveLength(0)

  await dialog.getByRole('button', { name: '删除被选举人2' }).click()
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
  const roster = await call<{ name: string; politicalStatus: string; idNumber: string }[]>(server, 'members.roster', { term: '本届' })
  expect(roster.map((m) => [m.name, m.politicalStatus, m.idNumber])).toEqual([['陈立新', '中共党员', idNumber('1978-05-06', 15)]])
  const persons = await call<{ name: string }[]>(server, 'persons.list', {})
  expect(persons.filter((p) => p.name === '陈立新')).toHaveLength(1)
})
