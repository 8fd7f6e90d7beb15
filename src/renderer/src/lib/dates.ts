import dayjs, { type Dayjs } from 'dayjs'

/** antd DatePicker values ↔ the ISO dates the API keeps. */
export const toIso = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null)
export const fromIso = (s: string | null | undefined): Dayjs | null => (s ? dayjs(s) : null)
export const dateProps = { style: { width: '100%' }, format: 'YYYY-MM-DD', placeholder: '选择日期' } as const
