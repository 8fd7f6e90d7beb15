import { VERDICT_LABELS, sendToReviewInput, verdictInput } from '../../shared/candidate'
import { optionalVillageInput } from '../../shared/inputs'
import type { Services } from '../core/services'
import { batchSendInput, departmentInput, departmentSheetInput } from '../../shared/vetting-batch'
import { method } from './method'

/** 县级联审: sending a candidate to the departments, their verdicts, and who is still waited on. */
export const reviewApi = ({ vetting, vettingBatch }: Services) => ({
  send: method(sendToReviewInput, ({ candidateId, sentOn }) => vetting.sendToReview(candidateId, sentOn)),
  record: method(verdictInput, (data) => vetting.recordVerdict(data), VERDICT_LABELS),
  board: method(optionalVillageInput, ({ villageId }) => vetting.reviewBoard(villageId)),
  /** The selected candidates to every department, one date: all of them or none. */
  sendMany: method(batchSendInput, ({ candidateIds, sentOn }) => vettingBatch.sendToReview(candidateIds, sentOn)),
  /** One department's reply as one sheet. */
  sheet: method(departmentInput, ({ department }) => vettingBatch.departmentSheet(department)),
  recordSheet: method(departmentSheetInput, (data) => vettingBatch.recordSheet(data), { ...VERDICT_LABELS, rows: '人选' })
})
