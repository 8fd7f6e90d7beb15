import { OFFICIAL_DAY_LABELS, officialDayInput, officialDayRef } from '../../shared/official-calendar'
import type { Services } from '../core/services'
import { method, query } from './method'

/** 法定节假日: the official calendar 工作日 are counted over, extended by the office each year. */
export const calendarApi = ({ calendar }: Services) => ({
  list: query(() => calendar.list()),
  save: method(officialDayInput, (d) => calendar.save(d), OFFICIAL_DAY_LABELS),
  remove: method(officialDayRef, ({ day }) => calendar.remove(day))
})
