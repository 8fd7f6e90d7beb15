import { DatePicker } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'

/** Why a step's date cannot be taken, or null: after today, or before the step it follows. */
export function stepDateProblem(value: Dayjs | null | undefined, after?: string | null): string | null {
  if (!value) return null
  if (value.isAfter(dayjs(), 'day')) return `${value.format('YYYY-MM-DD')} 晚于今天，不能选用`
  if (after && value.isBefore(dayjs(after), 'day')) return `${value.format('YYYY-MM-DD')} 早于上一环节的日期 ${after}，不能选用`
  return null
}

/**
 * The date a step of the paper record happened: typed or picked, never after today and never before the
 * step it follows (`after`, ISO). A date outside that is kept as typed and said to be wrong under the field
 * (a picker that silently dropped it left the clerk with only "请先选择日期"); the API refuses it too.
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
  const problem = stepDateProblem(value, after)
  return (
    <>
      <DatePicker
        style={{ width: '100%' }}
        format="YYYY-MM-DD"
        placeholder={after ? `不早于 ${after}` : '选择日期'}
        value={value}
        onChange={onChange}
        status={problem ? 'error' : undefined}
        {...rest}
      />
      {problem && (
        <div role="alert" style={{ color: '#ff4d4f', fontSize: 12 }}>
          {problem}
        </div>
      )}
    </>
  )
}
