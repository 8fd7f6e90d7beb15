import { call, expect, pickDate, SAVE, seedVetting, screenshot, visibleModal } from './clerk'
import { test } from './fixtures'

const DEPARTMENTS = ['纪委监委', '组织部', '政法委', '公安', '法院', '检察院', '信访局', '民政局']

test('each 联审 dialog shows the saved answer of the department it names, and Enter saves', async ({ page, server }) => {
  const { candidates } = await seedVetting(server, [{ name: '王秀英', birth: '1982-04-09', seq: 22 }], DEPARTMENTS)
  const [c] = candidates
  await call(server, 'review.send', { candidateId: c.id, sentOn: '2026-03-05' })
  await page.goto(`${server.url}#/persons/${c.personId}`)
  await page.getByRole('menuitem', { name: /人选库/ }).click()
  await page.getByRole('tab', { name: '联审看板', exact: true }).click()

  // 公安 says no, with a reason.
  await page.getByLabel('王秀英公安意见').click()
  let modal = visibleModal(page)
  await modal.getByText('不通过', { exact: true }).click()
  await modal.getByLabel('理由').fill('近5年内受过行政拘留')
  await pickDate(modal, '反馈日期', '2026-03-06')
  await modal.getByRole('button', { name: SAVE }).click()
  await expect(modal).toBeHidden()

  // The next department's dialog is its own: 待反馈 → 通过 offered, no reason carried over.
  await page.getByLabel('王秀英法院意见').click()
  modal = visibleModal(page)
  await expect(modal.getByRole('radio', { name: '通过', exact: true })).toBeChecked()
  await expect(modal.getByLabel('理由')).toHaveValue('')
  await screenshot(page, 'verdict-dialog', test.info())
  // Enter on the chosen answer saves it (and Esc, below, cancels).
  await pickDate(modal, '反馈日期', '2026-03-07')
  await modal.getByRole('radio', { name: '通过', exact: true }).focus()
  await page.keyboard.press('Enter')
  await expect(modal).toBeHidden()

  // Reopening the saved 不通过 shows exactly it.
  await page.getByLabel('王秀英公安意见').click()
  modal = visibleModal(page)
  await expect(modal.getByRole('radio', { name: '不通过', exact: true })).toBeChecked()
  await expect(modal.getByLabel('理由')).toHaveValue('近5年内受过行政拘留')
  await expect(modal.getByLabel('反馈日期')).toHaveValue('2026-03-06')
  await page.keyboard.press('Escape')
  await expect(modal).toBeHidden()

  // And again the other way round: a 通过 after a 不通过 opened in between.
  await page.getByLabel('王秀英法院意见').click()
  modal = visibleModal(page)
  await expect(modal.getByRole('radio', { name: '通过', exact: true })).toBeChecked()
  await expect(modal.getByLabel('理由')).toHaveValue('')
  await expect(modal.getByLabel('反馈日期')).toHaveValue('2026-03-07')
  await page.keyboard.press('Escape')

  const board = await call<{ rows: { verdicts: Record<string, { verdict: string; reason: string; decidedOn: string | null }> }[] }>(server, 'review.board', {})
  const v = board.rows[0].verdicts
  expect([v['公安']!.verdict, v['公安']!.reason, v['公安']!.decidedOn]).toEqual(['不通过', '近5年内受过行政拘留', '2026-03-06'])
  expect([v['法院']!.verdict, v['法院']!.reason, v['法院']!.decidedOn]).toEqual(['通过', '', '2026-03-07'])
  expect(DEPARTMENTS.filter((d) => v[d]!.verdict === '待反馈')).toHaveLength(6)
})
