import { FINDING_DECISION_LABELS, FINDING_LABELS, findingDecisionInput, findingInput } from '../../shared/candidate'
import { idInput } from '../../shared/inputs'
import type { Services } from '../core/services'
import { method } from './method'

/** 负面清单 findings on a person and the decisions on 不宜 ones. */
export const negativesApi = ({ vetting }: Services) => ({
  add: method(findingInput, (data) => vetting.addFinding(data), FINDING_LABELS),
  decide: method(findingDecisionInput, (data) => vetting.decideFinding(data), FINDING_DECISION_LABELS),
  remove: method(idInput, ({ id }) => vetting.removeFinding(id))
})
