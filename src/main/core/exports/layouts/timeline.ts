import { shortStepName, type Timeline, type TimelineCell } from '../../../../shared/plan'
import type { Column, TableSpec } from '../table-spec'
import { indexColumn, roundYear, titlePrefix, type TableHeading } from './common'

export type TimelineRow = Timeline['rows'][number]

const late = (c: TimelineCell): boolean => c.breach || c.state === '已逾期'

/**
 * What a cell of the 选务作战图 says: the planned (or actual) date, and under it what is wrong or done,
 * in words, because the red does not survive a black-and-white printer. Dates in the table's own year
 * drop the year to fit the narrow columns.
 */
export function timelineCellText(c: TimelineCell, year: string): string {
  const short = (d: string) => (d.startsWith(`${year}-`) ? d.slice(5) : d).replaceAll('-', '.')
  if (c.doneOn !== null) return `${short(c.doneOn)}\n${c.breach ? '超法定时限' : '已完成'}`
  if (c.end === null) return '未排期'
  const word = c.breach ? '超法定时限' : c.state === '已逾期' ? '逾期' : c.today ? '进行中' : ''
  return word ? `${short(c.end)}\n${word}` : short(c.end)
}

/** 选务作战图 as a printable table: villages down, the plan's steps across, grouped by 党组织 and 村委会. */
export function timelineSpec(h: TableHeading, steps: Timeline['steps']): TableSpec<TimelineRow> {
  const year = roundYear(h)
  const stepColumns: Column<TimelineRow>[] = steps.map((s) => ({
    header: shortStepName(s.name),
    group: s.side,
    width: 6.5,
    align: 'center',
    value: (r) => timelineCellText(r.cells[s.key], year),
    mark: (r) => late(r.cells[s.key])
  }))
  return {
    title: `${titlePrefix(h)}村(社区)“两委”换届选务作战图`,
    sheetName: '选务作战图',
    unit: h.unit,
    date: h.date,
    orientation: 'landscape',
    dense: true,
    columns: [indexColumn(), { header: '村(社区)', width: 9, value: (r) => r.village.name }, ...stepColumns],
    note:
      `注：单元格为各步骤计划完成日期，已完成的为实际完成日期（未注年份的为${year}年）；“逾期”为已过计划日期尚未完成，` +
      `“超法定时限”为已过或将超过法定最迟日期，均以红色标出；“进行中”为制表日正在进行的步骤。`
  }
}
