import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { callApi, startServer } from './server'

async function addVillage(page: Page, v: { name: string; kind?: string; households?: string; seats?: string; grade?: string }) {
  await page.getByRole('button', { name: '新增村社' }).click()
  const dialog = page.getByRole('dialog', { name: '新增村社' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('名称').fill(v.name)
  if (v.kind) {
    await dialog.getByLabel('类型').click()
    await page.getByTitle(v.kind, { exact: true }).click()
  }
  if (v.grade) {
    await dialog.getByLabel('分级').click()
    await page.locator('.ant-select-dropdown:visible').getByTitle(v.grade, { exact: true }).click()
  }
  if (v.households) await dialog.getByLabel('户数').fill(v.households)
  if (v.seats) await dialog.getByLabel('村(居)委会职数').fill(v.seats)
  await dialog.getByLabel('名称').press('Enter')
  await expect(page.getByText(`已新增“${v.name}”`)).toBeVisible()
  await expect(dialog).toBeHidden()
}

const rowOf = (page: Page, name: string) => page.locator('tr.ant-table-row', { hasText: name })

test('a clerk keeps the village register: add, edit, refused delete, pinyin search, survives a restart', async ({ page, server }) => {
  test.setTimeout(150_000)
  await page.goto(server.url)
  await expect(page.getByRole('heading', { name: '村社台账' })).toBeVisible()
  await expect(page.getByText('还没有村社。点击“新增村社”登记第一个村社。')).toBeVisible()

  await addVillage(page, { name: '龙山村', households: '420', seats: '5', grade: '重难点村' })
  await addVillage(page, { name: '石桥村', households: '310' })
  await addVillage(page, { name: '东风社区', kind: '社区' })
  await expect(page.locator('tr.ant-table-row')).toHaveCount(3)
  await expect(rowOf(page, '龙山村')).toContainText('重难点村')

  // A wrong value is explained under its field and nothing is saved.
  await page.getByRole('button', { name: '新增村社' }).click()
  const dialog = page.getByRole('dialog', { name: '新增村社' })
  await dialog.getByLabel('名称').fill('龙山村')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog.getByText('已有名为“龙山村”的村社')).toBeVisible()
  await dialog.getByRole('button', { name: '取消' }).click()
  await expect(page.locator('tr.ant-table-row')).toHaveCount(3)

  // Edit one.
  await rowOf(page, '石桥村').getByRole('button', { name: '编辑石桥村' }).click()
  const edit = page.getByRole('dialog', { name: '编辑村社：石桥村' })
  await edit.getByLabel('户数').fill('315')
  await edit.getByLabel('包村领导').fill('陈副镇长')
  await edit.getByRole('button', { name: '保存' }).click()
  // The edit says what it changes before it saves.
  const changes = page.getByRole('dialog').filter({ hasText: '修改“石桥村”的以下内容？' })
  await expect(changes.getByRole('row')).toHaveCount(3)
  await expect(changes.getByRole('row', { name: /户数/ })).toContainText('315')
  await expect(changes.getByRole('row', { name: /包村领导/ })).toContainText('陈副镇长')
  await changes.getByRole('button', { name: '保存修改' }).click()
  await expect(page.getByText('已保存“石桥村”')).toBeVisible()
  await expect(rowOf(page, '石桥村')).toContainText('315')
  await expect(rowOf(page, '石桥村')).toContainText('陈副镇长')

  // A village that people refer to cannot be deleted.
  const longshan = (await callApi<{ id: number; name: string }[]>(server, 'villages.list', {})).find((v) => v.name === '龙山村')!.id
  await callApi(server, 'persons.create', { person: { name: '王建国', villageId: longshan } })
  await rowOf(page, '龙山村').getByRole('button', { name: '删除龙山村' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click()
  await expect(page.getByText('“龙山村”仍有人员 1 条记录引用，不能删除。请先处理这些记录。')).toBeVisible()
  await page.getByRole('button', { name: '知道了' }).click()
  await expect(page.locator('tr.ant-table-row')).toHaveCount(3)

  // Pinyin initials find it.
  await page.getByLabel('查找村社').fill('lsc')
  await expect(page.locator('tr.ant-table-row')).toHaveCount(1)
  await expect(rowOf(page, '龙山村')).toBeVisible()
  await page.getByLabel('查找村社').fill('zzz')
  await expect(page.getByText('没有找到符合条件的村社')).toBeVisible()
  await page.getByLabel('查找村社').fill('')

  // Restart the server on the same file: everything is still there.
  await server.stop()
  const again = await startServer(server.dbPath)
  try {
    await page.goto(again.url)
    await expect(page.locator('tr.ant-table-row')).toHaveCount(3)
    await expect(rowOf(page, '石桥村')).toContainText('陈副镇长')
    await page.getByRole('menuitem', { name: '设置' }).click()
    await expect(page.getByText('修改村社“石桥村”')).toBeVisible()
    await page.screenshot({ path: 'test-results/settings.png' })
  } finally {
    await again.stop()
  }
})
