import { z } from 'zod'
import { ELECTION_LABELS, electionInput, personKey, type ElectionData } from './election'

/**
 * Double entry of a count sheet (计票单): two clerks key the same paper blind; every figure is compared,
 * the differences listed field by field, and the result is final only when both agree or a difference is
 * resolved with a reason. Pure: the register keeps the entries (count_sheets, count_sheet_entries).
 */
type Race = ElectionData['races'][number]
type Line = Race['candidates'][number]

export interface SheetDifference {
  /** Stable within the sheet: the field, the post, the person. */
  path: string
  label: string
  first: string
  second: string
}

const HEADER = ['round', 'heldOn', 'registered', 'present', 'issued', 'returned', 'valid', 'invalid', 'proxyVotes', 'mobileVotes'] as const
const RACE_FIELDS = { seats: '应选名额', spoiled: '废票', electedBy: '选举方式', electors: '到会委员人数', reserved: '定位产生' } as const
const LINE_FIELDS = { name: '姓名', idNumber: '身份证号', sex: '性别', votes: '得票', writeIn: '另选人' } as const

const text = (v: unknown): string => (v === null || v === undefined || v === '' ? '（空）' : v === true ? '是' : v === false ? '否' : String(v))
const lineKey = (c: Line) => personKey(c)

/** Every figure where the two entries differ, in the order of the sheet. */
export function sheetDifferences(a: ElectionData, b: ElectionData): SheetDifference[] {
  const out: SheetDifference[] = []
  const add = (path: string, label: string, x: unknown, y: unknown) => {
    if (text(x) !== text(y)) out.push({ path, label, first: text(x), second: text(y) })
  }
  for (const f of HEADER) add(f, ELECTION_LABELS[f] ?? (f === 'round' ? '轮次' : f), a[f], b[f])
  const posts = [...new Set([...a.races, ...b.races].map((r) => r.post))]
  for (const post of posts) {
    const [ra, rb] = [a.races.find((r) => r.post === post), b.races.find((r) => r.post === post)]
    if (!ra || !rb) {
      add(`races.${post}`, `职位“${post}”`, ra ? '已录入' : '未录入', rb ? '已录入' : '未录入')
      continue
    }
    for (const [f, label] of Object.entries(RACE_FIELDS)) add(`races.${post}.${f}`, `${post}·${label}`, ra[f as keyof Race], rb[f as keyof Race])
    const keys = [...new Set([...ra.candidates, ...rb.candidates].map(lineKey))]
    for (const key of keys) {
      const [ca, cb] = [ra.candidates.find((c) => lineKey(c) === key), rb.candidates.find((c) => lineKey(c) === key)]
      const who = (ca ?? cb)!.name
      if (!ca || !cb) {
        add(`races.${post}.${key}`, `${post}·${who}`, ca ? '已录入' : '未录入', cb ? '已录入' : '未录入')
        continue
      }
      for (const [f, label] of Object.entries(LINE_FIELDS)) add(`races.${post}.${key}.${f}`, `${post}·${who}·${label}`, ca[f as keyof Line], cb[f as keyof Line])
    }
  }
  return out
}

/** The final figures: the first entry, with each difference chosen as the second entry's taken from it. */
export function resolvedFigures(a: ElectionData, b: ElectionData, second: ReadonlySet<string>): ElectionData {
  const out: ElectionData = structuredClone(a)
  const take = out as unknown as Record<string, unknown>
  for (const f of HEADER) if (second.has(f)) take[f] = b[f]
  for (const rb of b.races) {
    const path = `races.${rb.post}`
    const i = out.races.findIndex((r) => r.post === rb.post)
    if (i < 0) {
      if (second.has(path)) out.races.push(structuredClone(rb))
      continue
    }
    const ra = out.races[i] as Record<string, unknown> & Race
    for (const f of Object.keys(RACE_FIELDS)) if (second.has(`${path}.${f}`)) ra[f] = rb[f as keyof Race]
    for (const cb of rb.candidates) {
      const key = `${path}.${lineKey(cb)}`
      const ca = ra.candidates.find((c) => lineKey(c) === lineKey(cb)) as (Record<string, unknown> & Line) | undefined
      if (!ca) {
        if (second.has(key)) ra.candidates.push(structuredClone(cb))
        continue
      }
      for (const f of Object.keys(LINE_FIELDS)) if (second.has(`${key}.${f}`)) ca[f] = cb[f as keyof Line]
    }
    ra.candidates = ra.candidates.filter((c) => rb.candidates.some((x) => lineKey(x) === lineKey(c)) || !second.has(`${path}.${lineKey(c)}`))
  }
  out.races = out.races.filter((r) => b.races.some((x) => x.post === r.post) || !second.has(`races.${r.post}`))
  return out
}

const clerk = z.string({ error: '请填写录入人姓名' }).trim().min(1, '请填写录入人姓名').max(30, '录入人姓名不能超过30个字')

/** One keying of a sheet: the first (sheetId null; a correction names the locked result and why), or the second. */
export const sheetEntryInput = z.object({
  sheetId: z.number().int().positive().nullable().default(null),
  enteredBy: clerk,
  figures: electionInput,
  electionId: z.number().int().positive().nullable().default(null),
  reason: z.string().trim().max(200).default('')
})
export type SheetEntryInput = z.input<typeof sheetEntryInput>

export const sheetResolveInput = z.object({
  sheetId: z.number().int().positive(),
  resolvedBy: clerk,
  reason: z.string({ error: '请填写裁定理由' }).trim().min(1, '请填写裁定理由（依据哪张原始计票单、怎样核对的）').max(200),
  /** The paths of the differences where the second entry is right; every other difference keeps the first. */
  second: z.array(z.string().max(200)).max(500).default([])
})

export const SHEET_LABELS: Record<string, string> = { enteredBy: '录入人', resolvedBy: '裁定人', reason: '理由', figures: '计票单' }

export type SheetStatus = '待第二次录入' | '有差异' | '已确认'

export interface CountSheet {
  id: number
  villageId: number
  villageName: string
  body: ElectionData['body']
  round: ElectionData['round']
  heldOn: string
  version: number
  status: SheetStatus
  electionId: number | null
  correctionReason: string
  entries: { entryNo: 1 | 2; enteredBy: string; enteredAt: string }[]
  /** Listed once both entries are in; never before, so the second clerk keys blind. */
  differences: SheetDifference[]
  resolvedBy: string
  resolutionReason: string
}
