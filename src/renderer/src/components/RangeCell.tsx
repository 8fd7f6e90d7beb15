import { InputNumber } from 'antd'
import { rangeProblem } from './range'

/**
 * A number in a table cell (the plan template's 天数): kept as typed, an emptied cell included, and marked
 * with the allowed range when it is outside it; the save then refuses it instead of the input changing it.
 */
export function RangeCell({
  value,
  onChange,
  ...range
}: {
  value: number | null
  onChange: (value: number | null) => void
  label: string
  min: number
  max?: number
  unit?: string
  required?: boolean
}) {
  const problem = rangeProblem(value, range)
  return (
    <div>
      <InputNumber size="small" precision={0} value={value} status={problem ? 'error' : undefined} onChange={(v) => onChange(v ?? null)} aria-label={range.label} />
      {problem && <div style={{ color: '#ff4d4f', fontSize: 12 }}>{problem}</div>}
    </div>
  )
}
