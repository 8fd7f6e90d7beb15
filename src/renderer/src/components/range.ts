import type { Rule } from 'antd/es/form'

/**
 * The allowed range of a number field, said under the field when the typed value is outside it.
 * Number inputs get this rule instead of their own min/max, which would quietly change 9 into 7 on
 * leaving the field: a value the clerk typed is refused with the range, never replaced.
 */
export function inRange(min: number, max?: number, unit = ''): Rule {
  return {
    type: 'number',
    min,
    max,
    message: max === undefined ? `应不少于${min}${unit}` : `应在${min}–${max}${unit}之间`
  }
}
