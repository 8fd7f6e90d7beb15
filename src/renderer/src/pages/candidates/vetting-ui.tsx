import { Tag } from 'antd'
import type { CandidateStatus, StepState } from '../../../../shared/vetting-rules'
import type { Api } from '../../api/client'

export type CandidateView = Extract<Awaited<ReturnType<Api['candidates']['get']>>, { ok: true }>['value']
export type PersonPageData = Extract<Awaited<ReturnType<Api['persons']['get']>>, { ok: true }>['value']
export type VettingSettingsValues = Extract<Awaited<ReturnType<Api['vetting']['settings']>>, { ok: true }>['value']

export const STATUS_COLORS: Record<CandidateStatus, string> = {
  进行中: 'processing',
  已停止: 'error',
  正式候选人: 'success',
  当选: 'gold',
  落选: 'default'
}

export const STEP_COLORS: Record<StepState, string> = {
  通过: 'green',
  当选: 'gold',
  不通过: 'red',
  落选: 'default',
  当前: 'blue',
  未到: 'default',
  不适用: 'default'
}

export function StatusTag({ status }: { status: CandidateStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{status}</Tag>
}

/** Where the candidate stands in one short phrase, as lists show it. */
export function whereNow(c: CandidateView): string {
  const p = c.progress
  if (p.stopped) return `停止于${p.stopped.stage}：${p.stopped.reason}`
  if (p.current) return `待${p.current}${p.currentLevel ? `（${p.currentLevel}）` : ''}`
  return p.status
}

/** Option filter for searchable Selects: matches the visible label. */
export const filterByLabel = (input: string, option?: { label?: unknown }) =>
  String(option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase())

export const dateText = (d: { format: (f: string) => string } | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null)
