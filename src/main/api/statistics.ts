import type { Services } from '../core/services'
import { query } from './method'

/** 换届结构统计. */
export const statisticsApi = ({ statistics }: Services) => ({
  structure: query(() => statistics.structure())
})
