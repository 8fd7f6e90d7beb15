import type { Locator, Page } from '@playwright/test'
import { checkCharacter } from '../../src/shared/idcard'
import { expect } from './fixtures'

/** antd puts a space between the two characters of a two-character button. */
export const SAVE = /^保\s*存$/

/** One API call over browser mode, as the renderer makes it; throws the Chinese message on refusal. */
export async function call<T = unknown>(server: { url: string; token: string }, name: string, input: unknown): Promise<T> {
  const res = await fetch(new URL(`/api/${name}`, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-huanjie-token': server.token },
    body: JSON.stringify(input)
  })
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
  if (!body.ok) throw new Error(body.error!.message)
  return body.value as T
}

/** A valid ID number: region 330302, the birth date, a sequence (odd for men, even for women), its check character. */
export function idNumber(birth: string, seq: number): string {
  const first17 = `330302${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`
  return first17 + checkCharacter(first17)
}

export const DEPARTMENTS = ['纪委监委', '组织部', '政法委', '公安', '法院', '检察院', '信访局', '民政局']

/** Walks a 人选 through the whole vetting path over the API, to 确定为正式候选人. */
export async function confirmFormal(server: { url: string; token: string }, candidateId: number) {
  const stage = (stage: string, decidedOn: string, extra: object = {}) =>
    call(server, 'vetting.recordStage', { candidateId, stage, result: '通过', decidedOn, decider: '乡镇党委', ...extra })
  await stage('资格初审', '2026-03-04')
  await call(server, 'review.send', { candidateId, sentOn: '2026-03-05' })
  for (const department of DEPARTMENTS) await call(server, 'review.record', { candidateId, department, verdict: '通过', decidedOn: '2026-03-06' })
  await stage('考察', '2026-03-08', { note: '同意' })
  for (const level of ['乡镇党委会', '县委组织部部务会', '县委常委会']) await stage('会审', '2026-03-09', { level })
  await stage('公示', '2026-03-17', { publicityStart: '2026-03-10', objections: '无' })
  await stage('确定为正式候选人', '2026-03-18')
}

export async function pickDate(container: Locator, label: string, date: string) {
  const input = container.getByLabel(label, { exact: true })
  await input.click()
  await input.fill(date)
  await input.press('Tab')
}

export async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click()
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click()
}

export const visibleModal = (page: Page) => page.locator('.ant-modal:visible')

interface Seeded {
  villageId: number
  candidates: { id: number; personId: number; name: string }[]
}

/**
 * A village with candidates who passed 资格初审 on 2026-03-04, ready to be sent to 县级联审;
 * each person differs in name, ID and sex so no record can be mistaken for another.
 */
export async function seedVetting(
  server: { url: string; token: string },
  people: { name: string; birth: string; seq: number; party?: boolean; committeePost?: '主任' | '副主任' | '委员' }[],
  departments: string[],
  village = '龙山村'
): Promise<Seeded> {
  await call(server, 'vetting.saveSetting', { key: 'reviewDepartments', value: departments })
  const v = await call<{ id: number }>(server, 'villages.create', { name: village, kind: '村', partySeats: 5, committeeSeats: 5 })
  const candidates: Seeded['candidates'] = []
  for (const p of people) {
    const rec = await call<{ person: { id: number } }>(server, 'persons.create', {
      person: { name: p.name, idNumber: idNumber(p.birth, p.seq), villageId: v.id },
      profile: { politicalStatus: p.party ? '中共党员' : '群众' }
    })
    const c = await call<{ id: number }>(server, 'candidates.propose', {
      personId: rec.person.id,
      villageId: v.id,
      committeePost: p.committeePost ?? '委员',
      source: '群众推荐',
      proposedOn: '2026-03-02'
    })
    await call(server, 'vetting.recordStage', { candidateId: c.id, stage: '资格初审', result: '通过', decidedOn: '2026-03-04', decider: '乡镇党委' })
    candidates.push({ id: c.id, personId: rec.person.id, name: p.name })
  }
  return { villageId: v.id, candidates }
}

export async function screenshot(page: Page, name: string, info: { outputPath(name: string): string }) {
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true })
}

export { expect }
