import { Tag } from 'antd'
import type { StepState } from '../../../../shared/plan-schedule'

export const STATE_COLORS: Record<StepState, string> = { 已完成: 'green', 已逾期: 'red', 进行中: 'blue', 未开始: 'default', 未排期: 'default' }

export const StateTag = ({ state }: { state: StepState }) => <Tag color={STATE_COLORS[state]}>{state}</Tag>

/** "2026-03-16" or "03-16～03-20": the days a step is planned for, short enough for a table cell. */
export function dayRange(start: string | null, end: string | null, short = false): string {
  if (!start || !end) return '—'
  const f = (d: string) => (short ? d.slice(5) : d)
  return start === end ? f(start) : `${f(start)}～${f(end)}`
}
