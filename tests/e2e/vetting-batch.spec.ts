import { call, expect, pickDate, seedVetting, visibleModal } from './clerk'
import { test } from './fixtures'

const DEPARTMENTS = ['纪委监委', '组织部', '政法委', '公安', '法院', '检察院', '信访局', '民政局']
const VILLAGES = ['龙山村', '凤凰村', '青石村']

type Board = { rows: { candidate: { id: number; name: string }; verdicts: Record<string, { verdict: string; reason: string; decidedOn: string | null; sentOn: string }> }[] }

test('60 candidates sent to 联审 at once, two departments’ replies entered as sheets with one exception each', async ({ page, server }) => {
  test.setTimeout(180_000)
  const people = (v: number) =>
    Array.from({ length: 20 }, (_, i) => ({ name: `${VILLAGES[v].slice(0, 1)}人选${String(i + 1).padStart(2, '0')}`, birth: `198${v}-0${1 + (i % 9)}-1${i % 10}`, seq: 10 + i * 2 + v * 40 }))
  for (let v = 0; v < 3; v++) await seedVetting(server, people(v), DEPARTMENTS, VILLAGES[v])

  await page.goto(`${server.url}#/candidates/pool`)
  await expect(page.getByText('共 60 人')).toBeVisible({ timeout: 60_000 })
  // Select every row, on every page of the list.
  await page.locator('.ant-table-selection-extra').first().click()
  await page.getByRole('menuitem', { name: '全选所有' }).click()
  await expect(page.getByText('已选 60 人')).toBeVisible()
  await page.getByRole('button', { name: '送县级联审' }).click()
  let modal = visibleModal(page)
  await pickDate(modal, '批量日期', '2026-03-06')
  await modal.getByRole('button', { name: /保\s*存/ }).click()
  await expect(modal).toBeHidden()
  await expect(page.getByText('已选 0 人')).toBeVisible()

  await page.getByRole('tab', { name: '联审看板', exact: true }).click()
  const replies = [
    { department: '公安', exception: '龙人选05', reason: '近5年内受过行政拘留', date: '2026-03-09' },
    { department: '法院', exception: '青人选17', reason: '被列为失信被执行人', date: '2026-03-10' }
  ]
  for (const r of replies) {
    await page.getByRole('button', { name: '录入部门回复' }).click()
    modal = visibleModal(page)
    await modal.getByLabel('回复部门').click()
    await page.locator('.ant-select-dropdown:visible').getByTitle(r.department, { exact: true }).click()
    await expect(modal.getByText('送审 60 人，不通过 0 人')).toBeVisible()
    const village = VILLAGES.find((v) => v.startsWith(r.exception.slice(0, 1)))!
    await modal.getByLabel(`${village}${r.exception}结论`).getByText('不通过', { exact: true }).click()
    // Saving a 不通过 without a reason is refused and nothing is saved.
    await pickDate(modal, '部门反馈日期', r.date)
    await modal.getByRole('button', { name: '保存部门回复' }).click()
    await expect(modal.getByText('不通过时请写明理由')).toBeVisible()
    await modal.getByLabel(`${village}${r.exception}理由`).fill(r.reason)
    await expect(modal.getByText('送审 60 人，不通过 1 人')).toBeVisible()
    await modal.getByRole('button', { name: '保存部门回复' }).click()
    await expect(modal).toBeHidden()
  }

  const board = await call<Board>(server, 'review.board', {})
  expect(board.rows).toHaveLength(60)
  expect(board.rows.every((row) => DEPARTMENTS.every((d) => row.verdicts[d]!.sentOn === '2026-03-06'))).toBe(true)
  for (const r of replies) {
    const rejected = board.rows.filter((row) => row.verdicts[r.department]!.verdict === '不通过')
    expect(rejected.map((row) => [row.candidate.name, row.verdicts[r.department]!.reason])).toEqual([[r.exception, r.reason]])
    const passed = board.rows.filter((row) => row.verdicts[r.department]!.verdict === '通过')
    expect(passed).toHaveLength(59)
    expect(board.rows.every((row) => row.verdicts[r.department]!.decidedOn === r.date)).toBe(true)
  }
  expect(board.rows.every((row) => DEPARTMENTS.filter((d) => d !== '公安' && d !== '法院').every((d) => row.verdicts[d]!.verdict === '待反馈'))).toBe(true)
})

test('a batch where one candidate cannot take the step says which and why, and changes nothing', async ({ page, server }) => {
  const { candidates } = await seedVetting(
    server,
    [
      { name: '王秀英', birth: '1982-04-09', seq: 22 },
      { name: '李国强', birth: '1979-11-02', seq: 13 }
    ],
    DEPARTMENTS
  )
  await call(server, 'review.send', { candidateId: candidates[1].id, sentOn: '2026-03-05' })
  await page.goto(`${server.url}#/candidates/pool`)
  await page.locator('thead .ant-checkbox-input').check()
  await page.getByRole('button', { name: '送县级联审' }).click()
  const modal = visibleModal(page)
  await pickDate(modal, '批量日期', '2026-03-06')
  await modal.getByRole('button', { name: /保\s*存/ }).click()
  await expect(modal.getByText(/所选 2 名人选中有 1 名不能送县级联审，本次全部未保存/)).toBeVisible()
  await expect(modal.getByText(/龙山村 李国强：该人选已送各联审部门/)).toBeVisible()
  const board = await call<Board>(server, 'review.board', {})
  expect(board.rows.map((r) => r.candidate.name)).toEqual(['李国强'])
})

test('a day of paper records typed in later keeps their real dates; a date before the previous step is refused', async ({ page, server }) => {
  const { candidates } = await seedVetting(server, [{ name: '赵丽华', birth: '1984-02-17', seq: 24 }], DEPARTMENTS)
  const [c] = candidates
  await page.goto(`${server.url}#/candidates/person/${c.personId}`)
  // 资格初审 was on 03-04: a 送审 dated 03-03 cannot be taken.
  // A date typed before it is kept and said to be wrong, not dropped leaving only "请先选择送审日期".
  await pickDate(page.locator('body'), '送审日期', '2026-03-03')
  await expect(page.getByText('2026-03-03 早于上一环节的日期 2026-03-04，不能选用')).toBeVisible()
  await expect(page.getByText('请先选择送审日期（纸质送审单上的日期）')).toHaveCount(0)
  const refused = await call(server, 'review.send', { candidateId: c.id, sentOn: '2026-03-03' }).catch((e: Error) => e.message)
  expect(refused).toBe('送审日期早于上一环节的日期 2026-03-04')
  // 03-05, long before today and after 资格初审, is saved as that date.
  await pickDate(page.locator('body'), '送审日期', '2026-03-05')
  await page.getByRole('button', { name: /^送县级联审/ }).click()
  await expect(page.getByLabel('公安：待反馈')).toBeVisible()
  await page.getByLabel('公安：待反馈').click()
  const modal = visibleModal(page)
  await pickDate(modal, '反馈日期', '2026-03-07')
  await modal.getByRole('button', { name: /保\s*存/ }).click()
  await expect(modal).toBeHidden()
  const board = await call<Board>(server, 'review.board', {})
  const v = board.rows[0].verdicts
  expect([v['公安']!.sentOn, v['公安']!.verdict, v['公安']!.decidedOn]).toEqual(['2026-03-05', '通过', '2026-03-07'])
  expect(v['法院']!.sentOn).toBe('2026-03-05')
})
