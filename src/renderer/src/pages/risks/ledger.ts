import { api } from '../../api/client'

/**
 * The two ledgers kept the same way: the risk files before the vote (风险档案) and the 回头看 problems found
 * after it. The item screens serve both; only the API namespace and the words differ.
 */
export type Ledger = 'risks' | 'lookback'

export const ledgerApi = (ledger: Ledger) => (ledger === 'lookback' ? api.lookback : api.risks)

export const LEDGER_WORDS: Record<Ledger, { noun: string; type: string; description: string }> = {
  risks: { noun: '风险事项', type: '风险类型', description: '风险描述' },
  lookback: { noun: '回头看问题', type: '问题类型', description: '问题描述' }
}
