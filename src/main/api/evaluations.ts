import { EVALUATION_LABELS, evaluationInput } from '../../shared/candidate'
import { candidateIdInput } from '../../shared/inputs'
import type { Services } from '../core/services'
import { method } from './method'

/** 民主测评 of incumbents. */
export const evaluationsApi = ({ vetting }: Services) => ({
  get: method(candidateIdInput, ({ candidateId }) => vetting.evaluation(candidateId)),
  record: method(evaluationInput, (data) => vetting.recordEvaluation(data), EVALUATION_LABELS)
})
