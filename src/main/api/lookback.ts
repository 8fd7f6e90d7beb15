import { prefixed } from '../../shared/inputs'
import { RISK_LABELS } from '../../shared/risk'
import { LOOKBACK_KINDS } from '../../shared/risk-rules'
import type { Services } from '../core/services'
import { focusAfterRows } from '../core/exports/layouts/lookback'
import { query } from './method'
import { itemMethods } from './risk-items'

const words = { ...RISK_LABELS, type: '问题类型', description: '问题描述', measures: '整改措施', deadline: '整改时限' }
const labels = { ...words, ...prefixed('data', words) }

/** 回头看: the problems found after the vote, kept and closed as risk items are; the villages still to watch. */
export const lookbackApi = ({ lookback, villages }: Services) => ({
  ...itemMethods(lookback, labels),
  kinds: query(() => [...LOOKBACK_KINDS]),
  /** 换届后重点关注村: the villages with problems still open, and the township's 合计 last. */
  focus: query(() => focusAfterRows(lookback.list({}), villages.list()))
})
