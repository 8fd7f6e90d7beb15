import { ballotQuery, ELECTION_LABELS, electionInput } from '../../shared/election'
import { idInput, prefixed, villageRef, withId } from '../../shared/inputs'
import { votingRulesSetting } from '../../shared/settings'
import { votingRules } from '../../shared/voting-rules'
import type { Services } from '../core/services'
import { method, query } from './method'

/** 选举结果 and the voting rules they are checked against. */
export const electionsApi = ({ elections, settings }: Services) => ({
  rules: query(() => settings.get(votingRulesSetting)),
  saveRules: method(votingRules, (r) => settings.set(votingRulesSetting, r)),
  create: method(electionInput, (e) => elections.create(e), ELECTION_LABELS),
  update: method(withId(electionInput), ({ id, data }) => elections.update(id, data), prefixed('data', ELECTION_LABELS)),
  remove: method(idInput, ({ id }) => elections.remove(id)),
  report: method(villageRef, ({ villageId }) => elections.villageReport(villageId)),
  /** The village's 人选 for one committee's ballot, 正式候选人 first. */
  ballot: method(ballotQuery, ({ villageId, body }) => elections.ballot(villageId, body))
})
