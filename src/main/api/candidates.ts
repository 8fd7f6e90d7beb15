import { CANDIDATE_LABELS, candidateInput, candidateQuery } from '../../shared/candidate'
import { idInput, prefixed, villageRef, withId } from '../../shared/inputs'
import type { Services } from '../core/services'
import { method, query } from './method'

/** 人选: proposals per village and post, the village and township rule checks, the 人选登记表's data. */
export const candidatesApi = ({ candidates }: Services) => ({
  list: method(candidateQuery, (q) => candidates.list(q)),
  get: method(idInput, ({ id }) => candidates.require(id)),
  propose: method(candidateInput, (data) => candidates.propose(data), CANDIDATE_LABELS),
  update: method(withId(candidateInput), ({ id, data }) => candidates.update(id, data), prefixed('data', CANDIDATE_LABELS)),
  withdraw: method(idInput, ({ id }) => candidates.withdraw(id)),
  villageChecks: method(villageRef, ({ villageId }) => candidates.villageChecks(villageId)),
  townshipChecks: query(() => candidates.townshipChecks()),
  dossier: method(idInput, ({ id }) => candidates.dossierData(id))
})
