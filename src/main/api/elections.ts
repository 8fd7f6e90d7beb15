import { ballotQuery, ELECTION_LABELS, electionInput } from '../../shared/election'
import { idInput, prefixed, villageRef, withId } from '../../shared/inputs'
import { townshipElectionDaysSetting, votingRulesSetting } from '../../shared/settings'
import { townshipElectionDays } from '../../shared/election-days'
import { VOTING_RULE_LABELS, votingRulesInput } from '../../shared/voting-rules'
import type { Services } from '../core/services'
import { RECALL_LABELS, recallInput } from '../../shared/recall'
import { method, query } from './method'

/** 选举结果 and the voting rules they are checked against. */
export const electionsApi = ({ elections, recalls, settings }: Services) => ({
  rules: query(() => settings.get(votingRulesSetting)),
  saveRules: method(votingRulesInput, (r) => settings.set(votingRulesSetting, r), VOTING_RULE_LABELS),
  /** 全乡镇统一选举日: the day every village uses unless it has its own. */
  townshipDays: query(() => settings.get(townshipElectionDaysSetting)),
  saveTownshipDays: method(townshipElectionDays, (d) => settings.set(townshipElectionDaysSetting, d)),
  create: method(electionInput, (e) => elections.create(e), ELECTION_LABELS),
  update: method(withId(electionInput), ({ id, data }) => elections.update(id, data), prefixed('data', ELECTION_LABELS)),
  remove: method(idInput, ({ id }) => elections.remove(id)),
  report: method(villageRef, ({ villageId }) => elections.villageReport(villageId)),
  /** The village's 人选 for one committee's ballot, 正式候选人 first. */
  ballot: method(ballotQuery, ({ villageId, body }) => elections.ballot(villageId, body)),
  /** 罢免: recorded, decided and reported like an election. */
  recalls: method(villageRef, ({ villageId }) => recalls.list(villageId)),
  recordRecall: method(recallInput, (r) => recalls.create(r), RECALL_LABELS)
})
