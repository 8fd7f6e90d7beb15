import { VERDICT_LABELS, sendToReviewInput, verdictInput } from '../../shared/candidate'
import { optionalVillageInput } from '../../shared/inputs'
import type { Services } from '../core/services'
import { method } from './method'

/** 县级联审: sending a candidate to the departments, their verdicts, and who is still waited on. */
export const reviewApi = ({ vetting }: Services) => ({
  send: method(sendToReviewInput, ({ candidateId, sentOn }) => vetting.sendToReview(candidateId, sentOn)),
  record: method(verdictInput, (data) => vetting.recordVerdict(data), VERDICT_LABELS),
  board: method(optionalVillageInput, ({ villageId }) => vetting.reviewBoard(villageId))
})
