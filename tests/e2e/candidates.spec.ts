import type { Page } from '@playwright/test'
import { call, choose, pickDate, SAVE } from './clerk'
import { expect, test } from './fixtures'

/** Real-shaped ID numbers: check characters computed by GB 11643 (…001 → 6, …002 → 9). */
const MAN = { name: '张建国', id: '330302198005010016', birth: '1980-05-01', sex: '男' }
const WOMAN = { name: '李红梅', id: '330302198506120029', birth: '1985-06-12', sex: '女' }
const DEPARTMENTS = ['纪委监委', '组织部', '政法委', '公安', '法院', '检察院', '信访局', '民政局']

async function openTab(page: Page, tab: '人选' | '人员' | '联审看板') {
  await page.getByRole('menuitem', { name: /人选库/ }).click()
  await page.getByRole('tab', { name: tab, exact: true }).click()
}

async function addPerson(page: Page, p: typeof MAN) {
  await openTab(page, '人员')
  await page.getByRole('button', { name: '新增人员' }).click()
  const drawer = page.locator('.ant-drawer')
  await drawer.getByLabel('姓名', { exact: true }).fill(p.name)
  await drawer.getByLabel('公民身份号码').fill(p.id)
  // The ID fills birth date and sex before the form is saved.
  await expect(drawer.getByLabel('出生日期')).toHaveValue(p.birth)
  await expect(drawer.locator('.ant-form-item').filter({ hasText: '性别' }).first()).toContainText(p.sex)
  await expect(drawer.getByText(`出生日期 ${p.birth}，${p.sex}`)).toBeVisible()
  await drawer.getByRole('button', { name: SAVE }).click()
  await expect(page.getByRole('heading', { name: p.name })).toBeVisible()
  await expect(page.getByLabel('基本信息')).toContainText(p.id)
}

/** `post` as the option shows it: 党组织委员 goes to the Party seat, 村(居)委会委员 to the committee one. */
async function propose(page: Page, post: string) {
  await page.getByRole('button', { name: '提名为人选' }).click()
  const modal = page.locator('.ant-modal:visible')
  await choose(page, '村社', '龙山村')
  await choose(page, post.startsWith('党组织') ? '拟任党组织职务' : '拟任村(居)委会职务', post)
  await choose(page, '人选来源', '党员推荐')
  await pickDate(modal, '摸排日期', '2026-03-02')
  await modal.getByRole('button', { name: SAVE }).click()
  await expect(page.getByText('待办：资格初审')).toBeVisible()
}

async function recordStage(page: Page, title: string, date: string, fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => {}) {
  const form = page.getByRole('form', { name: `记录${title}` })
  await pickDate(form, '环节日期', date)
  await fill(form)
  await form.getByRole('button', { name: `保存${title}结果` }).click()
  await expect(form).toBeHidden()
}

async function sendToReview(page: Page) {
  await pickDate(page.locator('.ant-card'), '送审日期', '2026-03-05')
  await page.getByRole('button', { name: /送县级联审/ }).click()
  await expect(page.getByRole('button', { name: '纪委监委：待反馈' })).toBeVisible()
}

async function verdict(page: Page, department: string, result: '通过' | '不通过', reason = '') {
  await page.getByRole('button', { name: `${department}：`, exact: false }).first().click()
  const modal = page.locator('.ant-modal:visible')
  await modal.getByText(result, { exact: true }).click()
  if (reason) await modal.getByLabel('理由').fill(reason)
  await pickDate(modal, '反馈日期', '2026-03-06')
  await modal.getByRole('button', { name: SAVE }).click()
  await expect(page.getByRole('button', { name: `${department}：${result}` })).toBeVisible()
}

test('a clerk vets two people: one stopped by 联审 with the reason, one through every stage to 正式候选人', async ({ page, server }) => {
  test.setTimeout(240_000)
  await call(server, 'villages.create', { name: '龙山村', kind: '村', partySeats: 3, committeeSeats: 3 })
  await call(server, 'vetting.saveSetting', { key: 'reviewDepartments', value: DEPARTMENTS })
  await page.goto(server.url)
  await expect(page.getByRole('menuitem', { name: /人选库/ })).toBeVisible()

  await addPerson(page, MAN)
  await propose(page, '党组织委员')
  await recordStage(page, '资格初审', '2026-03-04')
  await sendToReview(page)
  await verdict(page, '组织部', '通过')
  await verdict(page, '公安', '不通过', '近5年内受过行政拘留')
  const stopped = page.getByRole('alert').filter({ hasText: '停止于“县级联审”' })
  await expect(stopped).toContainText('公安：近5年内受过行政拘留')
  await expect(page.getByText(/^待办：/)).toHaveCount(0)

  await addPerson(page, WOMAN)
  await propose(page, '村(居)委会委员')
  await recordStage(page, '资格初审', '2026-03-04')
  await sendToReview(page)
  for (const d of DEPARTMENTS) await verdict(page, d, '通过')
  await expect(page.getByText('待办：考察')).toBeVisible()
  await recordStage(page, '考察', '2026-03-08', (f) => f.getByLabel('考察报告及结论').fill('群众基础好，工作能力强，同意作为人选'))
  for (const level of ['乡镇党委会', '县委组织部部务会', '县委常委会']) {
    await recordStage(page, `会审（${level}）`, '2026-03-09', (f) => f.getByLabel('文号').fill('龙委〔2026〕3号'))
  }
  // The result of 公示 cannot be fixed before the period is over; the form says why.
  const publicity = page.getByRole('form', { name: '记录公示' })
  await pickDate(publicity, '公示开始日期', '2026-03-10')
  await expect(publicity.getByText('5个工作日，至 2026-03-16 止')).toBeVisible()
  await pickDate(publicity, '环节日期', '2026-03-12')
  await publicity.getByLabel('异议情况').fill('无')
  await publicity.getByRole('button', { name: '保存公示结果' }).click()
  await expect(publicity.getByText('公示期至 2026-03-16 止，期满后才能确定公示结果')).toBeVisible()
  await pickDate(publicity, '环节日期', '2026-03-17')
  await publicity.getByRole('button', { name: '保存公示结果' }).click()
  await expect(publicity).toBeHidden()
  await recordStage(page, '确定为正式候选人', '2026-03-18')
  await page.screenshot({ path: test.info().outputPath('person.png'), fullPage: true })
  await expect(page.locator('.ant-card-head').filter({ hasText: '龙山村' }).getByText('正式候选人')).toBeVisible()
  await expect(page.getByText('待办：选举')).toBeVisible()

  // The pool lists both, ID numbers masked, the stopped one with where and why.
  await openTab(page, '人选')
  const rows = page.locator('.ant-table-tbody tr.ant-table-row')
  await expect(rows).toHaveCount(2)
  await expect(page.getByText('330302********0016')).toBeVisible()
  await expect(page.getByText(MAN.id)).toHaveCount(0)
  await expect(rows.filter({ hasText: MAN.name })).toContainText('停止于县级联审：公安：近5年内受过行政拘留')
  await expect(rows.filter({ hasText: WOMAN.name })).toContainText('正式候选人')
  await choose(page, '按村社筛选', '龙山村')
  await expect(page.getByLabel('村规则检查')).toContainText('村(居)委会人选 1 人，职数 3 人，人选应多于职数')
  await page.screenshot({ path: test.info().outputPath('pool.png'), fullPage: true })

  await openTab(page, '联审看板')
  await expect(page.getByText('各部门均已反馈')).toBeVisible()
  await expect(page.getByLabel(`${MAN.name}公安意见`)).toContainText('不通过')
  await page.screenshot({ path: test.info().outputPath('review-board.png'), fullPage: true })

  // Every decision is in the audit log.
  const log = (await call(server, 'audit.list', { limit: 1000 })) as { entity: string; summary: string }[]
  expect(log.filter((e) => e.entity === 'review_verdict')).toHaveLength(DEPARTMENTS.length + 2)
  expect(log.some((e) => e.summary.includes('公安对“张建国”联审意见：不通过'))).toBe(true)
})
