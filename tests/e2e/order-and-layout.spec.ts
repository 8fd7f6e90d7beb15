import type { Locator, Page } from '@playwright/test'
import { call, expect } from './clerk'
import { test } from './fixtures'

/** The box of an element as the user sees it, or a failure that names it. */
async function box(l: Locator, what: string) {
  const b = await l.boundingBox()
  if (!b) throw new Error(`${what} is not on screen`)
  return b
}

async function seedVillages(server: { url: string; token: string; session: string }, names: string[]) {
  for (const name of names)
    await call(server, 'villages.create', {
      name,
      kind: '村',
      township: '城关镇',
      leader: '包村领导甲',
      residentCadre: '驻村干部乙',
      firstSecretary: '欧阳晓明',
      committeeElectionDate: '2026-05-20',
      partySeats: 5,
      committeeSeats: 5
    })
}

test('at 1360 px the village table shows 第一书记 whole, inside the visible table', async ({ page, server }) => {
  await seedVillages(server, ['龙山村', '石桥村'])
  await page.goto(server.url)
  await expect(page.getByRole('heading', { name: '村社台账' })).toBeVisible()
  const header = page.locator('.ant-table-thead th', { hasText: '第一书记' })
  const cell = page.locator('tr.ant-table-row', { hasText: '龙山村' }).locator('td', { hasText: '欧阳晓明' })
  await expect(header).toBeVisible()
  // What the user sees of the table: its scrolling body, clipped by the window.
  const view = await box(page.locator('.ant-table-content, .ant-table-body').first(), 'the table body')
  const right = Math.min(view.x + view.width, 1360)
  // The fixed 操作 column lies over the scrolling ones; 第一书记 must not be under it either.
  const actions = await box(page.locator('.ant-table-thead th', { hasText: '操作' }), 'the 操作 header')
  for (const [what, l] of [['the 第一书记 header', header], ['the 第一书记 cell', cell]] as const) {
    const b = await box(l, what)
    expect(b.x, `${what} starts inside the table`).toBeGreaterThanOrEqual(view.x)
    expect(b.x + b.width, `${what} ends inside the table's visible area`).toBeLessThanOrEqual(Math.min(right, actions.x) + 1)
    // Its text fits its cell: nothing cut off by an ellipsis or overflow.
    const fits = await l.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)
    expect(fits, `${what} text fits its cell`).toBe(true)
  }
})

async function oneLineHeaders(page: Page) {
  const heads = page.getByTestId('timeline').locator('thead th')
  await expect(heads.first()).toBeVisible()
  const n = await heads.count()
  expect(n).toBeGreaterThan(5)
  for (let i = 0; i < n; i++) {
    const th = heads.nth(i)
    const text = (await th.innerText()).trim()
    // The text's own line boxes: one distinct top per line the browser laid out.
    const lines = await th.evaluate((el) => {
      const range = document.createRange()
      range.selectNodeContents(el)
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size
    })
    expect(lines, `header “${text}” is one line, not vertical text`).toBeLessThanOrEqual(1)
  }
}

test('at 1360 px the 选务作战图 headers read across, one line each', async ({ page, server }) => {
  await seedVillages(server, ['龙山村', '石桥村', '东风社区'])
  await call(server, 'elections.saveTownshipDays', { partyElectionDate: '2026-04-20', committeeElectionDate: '2026-05-20' })
  await page.goto(`${server.url}#/risks/timeline`)
  await oneLineHeaders(page)
})
