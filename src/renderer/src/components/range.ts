import type { Rule } from 'antd/es/form'

/**
 * The allowed range of a number field, said under the field when the typed value is outside it.
 * Number inputs get this rule instead of their own min/max, which would quietly change 9 into 7 on
 * leaving the field: a value the clerk typed is refused with the range, never replaced.
 */
export function inRange(min: number, max?: number, unit = ''): Rule {
  return { type: 'number', min, max, message: rangeText(min, max, unit) }
}

export const rangeText = (min: number, max?: number, unit = ''): string => (max === undefined ? `应不少于${min}${unit}` : `应在${min}–${max}${unit}之间`)

/** What is wrong with a number typed outside a form (a table cell), said the way `inRange` says it; null when it is fine. */
export function rangeProblem(value: number | null, o: { min: number; max?: number; unit?: string; required?: boolean; label: string }): string | null {
  if (value === null) return o.required ? `请填写${o.label}` : null
  if (!Number.isInteger(value) || value < o.min || (o.max !== undefined && value > o.max)) return `${o.label}${rangeText(o.min, o.max, o.unit)}`
  return null
}
