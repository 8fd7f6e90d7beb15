import { DEFAULT_VOTING_RULES, votingRules } from '../../shared/voting-rules'
import { defineSetting } from './settings'

export const VOTING_RULES = defineSetting({
  key: 'voting.rules',
  label: '选民登记与选举规则',
  schema: votingRules,
  defaultValue: DEFAULT_VOTING_RULES
})
