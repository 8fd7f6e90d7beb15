import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const iso = (offsetDays: number) => {
  const d = new Date()
  d.setDate(d.getDate() + offsetDays)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

async function call(page: Page, base: string, token: string, name: string, input: unknown) {
  const res = await page.request.post(`${new URL(base).origin}/api/${name}`, { headers: { 'x-huanjie-token': token, 'x-huanjie-session': new URL(base).searchParams.get('session') ?? '' }, data: input })
  const body = await res.json()
  expect(body.ok, JSON.stringify(body)).toBe(true)
  return body.value
}

/** antd puts a space between two Chinese characters on a button (“保 存”). */
const btn = (text: string) => new RegExp(`^${text.split('').join('\\s*')}$`)

async function pickOption(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click()
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).click()
}

async function typeDate(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true })
  await input.click()
  await input.fill(value)
  // Enter would also submit the form; Tab keeps the typed date and moves on, as a clerk does.
  await input.press('Tab')
}

test('a clerk grades a village, records a risk with key persons and a talk, sees it late, closes it, and lays out the plan', async ({ page, server }) => {
  // A long walk through many dialogs on a shared two-core machine.
  test.setTimeout(180_000)
  await page.goto(server.url)
  const village = await call(page, server.url, server.token, 'villages.create', { name: '龙山村', kind: '村', leader: '王镇长', residentCadre: '李干事' })
  await call(page, server.url, server.token, 'villages.create', { name: '凤岭村', kind: '村' })

  await page.goto(`${server.url.split('?')[0]}#/risks/village/${village.id}`)
  await expect(page.getByTestId('village-grade')).toHaveText('一般村')

  // 分级 with a reason
  await page.getByRole('button', { name: '调整分级' }).click()
  const gradeDialog = page.getByRole('dialog', { name: '调整村社分级' })
  await pickOption(page, '分级', '重难点村')
  await gradeDialog.getByLabel('定级理由').fill('宗族矛盾突出，上届选举有争议')
  await gradeDialog.getByRole('button', { name: btn('保存') }).click()
  await expect(page.getByTestId('village-grade')).toHaveText('重难点村')

  // A 宗族派性 item with a deadline in the past
  await page.getByRole('button', { name: '登记风险事项' }).click()
  const itemDialog = page.getByRole('dialog', { name: '登记风险事项' })
  await pickOption(page, '风险类型', '宗族派性')
  await itemDialog.getByLabel('风险描述').fill('赵、钱两姓争夺村委会主任职位')
  await itemDialog.getByLabel('一村一策措施').fill('包村领导分别谈心，讲清纪律')
  await itemDialog.getByLabel('责任领导').fill('王镇长')
  await itemDialog.getByLabel('责任干部').fill('李干事')
  await typeDate(page, '发现日期', iso(-10))
  await typeDate(page, '化解时限', iso(-3))
  await itemDialog.getByRole('button', { name: btn('保存') }).click()
  await expect(itemDialog).toBeHidden()

  // Two key persons (added to the register) and a talk
  const drawer = page.locator('.ant-drawer')
  await expect(drawer.getByTestId('item-status')).toHaveText('未化解')
  for (const [name, role] of [['赵大', '赵姓族长'], ['钱二', '钱姓代表']]) {
    await drawer.getByRole('button', { name: '添加重点人员' }).click()
    const dlg = page.getByRole('dialog', { name: '添加重点人员' })
    await dlg.getByText('新增人员').click()
    await dlg.getByLabel('姓名').fill(name)
    await dlg.getByLabel('身份/关系').fill(role)
    await dlg.getByRole('button', { name: btn('添加') }).click()
    await expect(dlg).toBeHidden()
    await expect(drawer.getByRole('cell', { name, exact: true })).toBeVisible()
  }
  await drawer.getByRole('button', { name: '记录谈话' }).click()
  const talk = page.getByRole('dialog', { name: '记录谈话' })
  await talk.getByText('警示谈话').click()
  await talk.getByLabel('内容摘要').fill('讲明换届纪律，不得拉票')
  await talk.getByRole('button', { name: btn('保存') }).click()
  await expect(talk).toBeHidden()
  await expect(drawer.getByRole('cell', { name: '讲明换届纪律，不得拉票' })).toBeVisible()
  await drawer.getByRole('button', { name: '关闭' }).click()

  // The township view shows it red
  await page.getByRole('tab', { name: '挂图作战' }).click()
  await expect(page.getByTestId('stat-overdue')).toContainText('1')
  await expect(page.getByTestId('stat-open')).toContainText('1')
  const overdueRow = page.getByTestId('overdue-table').locator('tr.row-overdue').filter({ hasText: '宗族派性' })
  await expect(overdueRow).toBeVisible()
  await expect(overdueRow.locator('td').first()).toHaveCSS('background-color', 'rgb(255, 241, 240)')
  await expect(page.getByRole('button', { name: '龙山村 重难点村' })).toContainText('逾期 1')
  // Unattended: 钱二 has never been talked to
  await expect(page.getByRole('cell', { name: '钱二' })).toBeVisible()

  // 销号, and the count drops
  await page.getByRole('button', { name: '龙山村 重难点村' }).click()
  await page.getByRole('row').filter({ hasText: '宗族派性' }).click()
  await drawer.getByRole('button', { name: btn('销号') }).click()
  const close = page.getByRole('dialog', { name: /销号/ })
  await close.getByLabel('化解依据').fill('两姓代表签订承诺书')
  await close.getByRole('button', { name: btn('确定') }).click()
  await expect(drawer.getByTestId('item-status')).toHaveText('已化解')
  await drawer.getByRole('button', { name: '关闭' }).click()
  await page.getByRole('tab', { name: '挂图作战' }).click()
  await expect(page.getByTestId('stat-overdue')).toContainText('0')
  await expect(page.getByTestId('stat-open')).toContainText('0')
  await expect(page.getByTestId('overdue-table')).toContainText('没有逾期事项')

  // The vote date from the village register lays out the plan with the 20-day voter list date
  const vote = iso(40)
  await page.getByRole('menuitem', { name: '村社台账' }).click()
  await page.getByRole('button', { name: '编辑龙山村' }).click()
  const villageForm = page.getByRole('dialog', { name: /编辑村社/ })
  const voteInput = villageForm.locator('#committeeElectionDate')
  await voteInput.fill(vote)
  await voteInput.press('Tab')
  await villageForm.getByRole('button', { name: btn('保存') }).click()
  await page.getByRole('dialog').filter({ hasText: '修改“龙山村”的以下内容？' }).getByRole('button', { name: '保存修改' }).click()
  await expect(villageForm).toBeHidden()
  await page.goto(`${server.url.split('?')[0]}#/risks/village/${village.id}`)
  await page.getByRole('tab', { name: '倒排工期' }).click()
  const voterList = page.getByTestId('village-plan').getByRole('row').filter({ hasText: '公布选民名单' })
  await expect(voterList).toContainText(iso(20))
  await expect(page.getByTestId('village-plan').getByRole('row').filter({ hasText: '选举日' }).first()).toContainText(vote)

  // A step can't be ticked before the one it follows
  await voterList.getByRole('button', { name: '完成公布选民名单' }).click()
  const tick = page.getByRole('dialog', { name: /登记完成/ })
  await tick.getByRole('button', { name: btn('保存') }).click()
  await expect(tick).toContainText('须先完成前置步骤“选民登记”')
  await tick.getByRole('button', { name: btn('取消') }).click()
  await expect(tick).toBeHidden()

  // The township timeline shows the village with today's column marked
  await page.getByRole('tab', { name: '选务作战图' }).click()
  const row = page.getByTestId('timeline').getByRole('row').filter({ hasText: '龙山村' })
  await expect(row.locator('td').last()).not.toHaveText('—')
  await expect(page.getByTestId('timeline').getByRole('row').filter({ hasText: '凤岭村' }).locator('td.tl-late')).toHaveCount(0)

  // Everything went to the audit log
  const audit = await call(page, server.url, server.token, 'audit.list', { limit: 50 })
  const summaries = (audit as { summary: string }[]).map((a) => a.summary).join('\n')
  expect(summaries).toContain('分级：一般村 → 重难点村（理由：宗族矛盾突出，上届选举有争议）')
  expect(summaries).toContain('风险事项销号：龙山村·宗族派性')
  expect(summaries).toContain('列入重点人员“钱二”')
})
