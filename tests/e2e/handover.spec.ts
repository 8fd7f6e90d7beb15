import { todayIso, addDays } from '../../src/shared/dates'
import { call, idNumber, SAVE } from './clerk'
import { expect, test } from './fixtures'

const daysAgo = (n: number) => addDays(todayIso(), -n)

test('a clerk records a village’s handover item by item and the township board turns green', async ({ page, server }) => {
  await page.goto(server.url)
  const elect = async (name: string, ago: number, n: number) => {
    const village = await call<{ id: number }>(server, 'villages.create', { name, kind: '村' })
    await call(server, 'elections.create', {
      villageId: village.id, body: '村委会', heldOn: daysAgo(ago), registered: 100, issued: 80, returned: 80, valid: 80, invalid: 0,
      races: [{ post: '主任', seats: 1, candidates: [{ name: `新主任${n}`, idNumber: idNumber('1980-06-01', 2 * n + 1), votes: 70 }] }]
    })
  }
  await elect('龙山村', 3, 1)
  // Elected twelve days ago with nothing handed over: overdue, in red.
  await elect('凤岭村', 12, 2)

  await page.goto(`${server.url.split('?')[0]}#/after`)
  const board = page.getByTestId('handover-board')
  await expect(page.getByTestId('handover-state-龙山村')).toHaveText('未开始')
  await expect(board.getByRole('row').filter({ hasText: '龙山村' })).toContainText('7 天')
  await expect(page.getByTestId('handover-state-凤岭村')).toHaveText('逾期')
  await expect(board.getByRole('row').filter({ hasText: '凤岭村' })).toHaveClass(/row-overdue/)
  await expect(board.getByRole('row').filter({ hasText: '凤岭村' })).toContainText('逾期 2 天')

  await board.getByRole('row').filter({ hasText: '龙山村' }).click()
  const items = page.getByTestId('handover-items')
  for (const [i, item] of ['公章', '文书档案', '三资', '未了事项', '债权债务'].entries()) {
    await items.getByRole('button', { name: `登记${item}` }).click()
    const dialog = page.getByRole('dialog', { name: /登记移交/ })
    if (i === 0) {
      await dialog.getByLabel('移交人').fill('王老主任')
      await dialog.getByLabel('接收人').fill('新主任1')
      await dialog.getByLabel('监交人').fill('李干事')
    } else {
      // The three who signed for the last item are offered again.
      await expect(dialog.getByLabel('监交人')).toHaveValue('李干事')
    }
    await dialog.getByLabel('备注').fill(`${item}清单${i + 1}页`)
    await dialog.getByRole('button', { name: SAVE }).click()
    await expect(dialog).toBeHidden()
    await expect(items.getByRole('row').filter({ hasText: `${item}清单${i + 1}页` })).toContainText('王老主任')
    if (i < 4) await expect(page.getByTestId('handover-state-龙山村')).toHaveText('进行中')
  }
  const done = page.getByTestId('handover-state-龙山村')
  await expect(done).toHaveText('已完成')
  await expect(done).toHaveClass(/ant-tag-green/)
  await expect(board.getByRole('row').filter({ hasText: '龙山村' })).toContainText('5/5')
  await expect(page.getByTestId('handover-state-凤岭村')).toHaveText('逾期')
})
