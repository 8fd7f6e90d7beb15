import { z } from 'zod'
import { isIsoDate } from './dates'

const day = (label: string) => z.string().refine(isIsoDate, `${label}格式应为 YYYY-MM-DD`).nullable().default(null)

/**
 * 选举日 the whole township holds unless a village has its own: voters can be registered (age counted on
 * that day) before each village's date is typed.
 */
export const townshipElectionDays = z.object({
  partyElectionDate: day('全乡镇党组织换届日期'),
  committeeElectionDate: day('全乡镇村(居)委会选举日期')
})
export type TownshipElectionDays = z.output<typeof townshipElectionDays>
