import path from 'node:path'
import type { Page } from '@playwright/test'
import { ELECTION_DAY, writeVoterRoster } from '../../bench/roster'
import { call } from './clerk'
import { expect, test } from './fixtures'

const ROWS = 100_000
/** The second roster: other people, enough rows for a commit that is cancelled part-way. */
const SECOND_ROWS = 60_000

const twoChars = (label: string) => new RegExp(`^${label[0]}\\s?${label[1]}$`)

async function pick(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '选择文件' }).click()
  await (await chooser).setFiles(file)
}

const READING = /已读取 (\d+) 行/
const WRITING = /已写入 (\d+) \/ \d+ 行/

/** Every text the job dialog's message shows, in order, recorded in the page as it changes (none is missed between two looks). */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { progressSeen: string[] }
    w.progressSeen = []
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('.ant-modal-body .ant-typography')) {
        const t = el.textContent
        if (t && w.progressSeen.at(-1) !== t) w.progressSeen.push(t)
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
}

const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen.splice(0))

const numbers = (messages: string[], pattern: RegExp) => [...new Set(messages.map((m) => pattern.exec(m)?.[1]).filter((n): n is string => !!n).map(Number))]

const registered = async (server: { url: string; token: string; session: string }, villageId: number) =>
  (await call<{ total: number }>(server, 'voters.list', { villageId, pageSize: 1 })).total

test('a clerk imports 100,000 voters through the window with progress in both phases, another page answers meanwhile, and a cancelled second import changes nothing', async ({
  page,
  server,
  workDir
}) => {
  test.setTimeout(240_000)
  const village = await call<{ id: number }>(server, 'villages.create', { name: '龙山村', kind: '村', committeeElectionDate: ELECTION_DAY })
  await call(server, 'villages.create', { name: '凤凰村', kind: '村', committeeElectionDate: ELECTION_DAY })
  const roster = path.join(workDir, '龙山村选民名单.xlsx')
  const second = path.join(workDir, '龙山村选民名单（补充）.xlsx')
  await writeVoterRoster(roster, ROWS)
  await writeVoterRoster(second, SECOND_ROWS, ROWS)

  await page.goto(server.url)
  await page.getByRole('menuitem', { name: '导入导出' }).click()
  await page.getByLabel('数据类型').click()
  await page.locator('.ant-select-item-option[title="选民"]').click()
  await page.getByLabel('所属村社').click()
  await page.locator('.ant-select-item-option[title="龙山村"]').click()

  await recordProgress(page)
  await pick(page, roster)
  await expect(page.getByText(`新增 ${ROWS}`)).toBeVisible({ timeout: 120_000 })
  expect(numbers(await progressSeen(page), READING).filter((n) => n > 0 && n < ROWS).length).toBeGreaterThanOrEqual(2)
  await expect(page.getByText('问题 0')).toBeVisible()

  await page.getByRole('button', { name: twoChars('导入') }).click()
  await page.getByRole('dialog').getByRole('button', { name: twoChars('导入') }).click()
  // Another page of the app while the rows are written: it opens and shows its data.
  const other = await page.context().newPage()
  await other.goto(server.url)
  await other.getByRole('menuitem', { name: '村社台账' }).click()
  await expect(other.getByRole('row', { name: /凤凰村/ })).toBeVisible()
  await other.close()
  await expect(page.getByText(`已导入“龙山村选民名单.xlsx”：新增 ${ROWS}，更新 0，未变 0`)).toBeVisible({ timeout: 120_000 })
  expect(numbers(await progressSeen(page), WRITING).filter((n) => n > 0 && n < ROWS).length).toBeGreaterThanOrEqual(2)
  expect(await registered(server, village.id)).toBe(ROWS)

  // A second roster, cancelled half way through its writing.
  await pick(page, second)
  await expect(page.getByText(`新增 ${SECOND_ROWS}`)).toBeVisible({ timeout: 120_000 })
  await progressSeen(page)
  await page.getByRole('button', { name: twoChars('导入') }).click()
  await page.getByRole('dialog').getByRole('button', { name: twoChars('导入') }).click()
  const writtenSoFar: string[] = []
  const writingStarted = async () => {
    writtenSoFar.push(...(await progressSeen(page)))
    return numbers(writtenSoFar, WRITING).some((n) => n > 0 && n < SECOND_ROWS)
  }
  await expect.poll(writingStarted, { timeout: 60_000, intervals: [50] }).toBe(true)
  await page.getByRole('dialog').filter({ has: page.getByLabel('进度') }).getByRole('button', { name: twoChars('取消') }).click()
  await expect(page.getByText('已取消，数据未改动')).toBeVisible({ timeout: 60_000 })
  expect(await registered(server, village.id)).toBe(ROWS)
  await page.getByRole('menuitem', { name: '选民' }).click()
  // The register's kept counts, counted again after the bulk import, show the same on the 选民 page.
  await expect(page.getByRole('row', { name: /龙山村/ }).getByRole('cell').nth(2)).toHaveText(String(ROWS))
})
