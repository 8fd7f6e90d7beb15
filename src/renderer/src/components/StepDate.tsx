import { DatePicker } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'

/**
 * The date a step of the paper record happened: typed or picked, never after today and never before the
 * step it follows (`after`, ISO). The API refuses the same dates; the picker only keeps them out of reach.
 */
export function StepDate({
  after,
  value,
  onChange,
  ...rest
}: {
  after?: string | null
  value?: Dayjs | null
  onChange?: (d: Dayjs | null) => void
  'aria-label'?: string
  id?: string
  style?: React.CSSProperties
}) {
  return (
    <DatePicker
      style={{ width: '100%' }}
      format="YYYY-MM-DD"
      placeholder={after ? `不早于 ${after}` : '选择日期'}
      value={value}
      onChange={onChange}
      disabledDate={(d) => d.isAfter(dayjs(), 'day') || (!!after && d.isBefore(dayjs(after), 'day'))}
      {...rest}
    />
  )
}
