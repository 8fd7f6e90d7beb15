import { idInput, optionalVillageInput, prefixed, villageRef, withId } from '../../shared/inputs'
import {
  answerInput,
  objectionInput,
  proxyInput,
  publishInput,
  removeVoterInput,
  VOTER_LABELS,
  voterInput,
  voterQuery
} from '../../shared/voter'
import type { Services } from '../core/services'
import { method } from './method'

/** 选民登记: the list, its publication, changes, objections and proxies. */
export const votersApi = ({ voters }: Services) => ({
  list: method(voterQuery, (q) => voters.list(q)),
  /** One voter, for the dialog an add collided with. */
  get: method(idInput, ({ id }) => voters.require(id)),
  counts: method(optionalVillageInput, ({ villageId }) => voters.counts(villageId)),
  create: method(voterInput, (v) => voters.create(v), VOTER_LABELS),
  update: method(withId(voterInput), ({ id, data }) => voters.update(id, data), prefixed('data', VOTER_LABELS)),
  remove: method(removeVoterInput, ({ id, reason, on }) => voters.remove(id, reason, on)),
  publication: method(villageRef, ({ villageId }) => voters.publication(villageId)),
  publish: method(publishInput, (p) => voters.publish(p.villageId, p.publishedOn, p.note)),
  changes: method(villageRef, ({ villageId }) => voters.changes(villageId)),
  objections: method(villageRef, ({ villageId }) => voters.objections(villageId)),
  addObjection: method(objectionInput, (o) => voters.addObjection(o)),
  answerObjection: method(answerInput, (a) => voters.answerObjection(a)),
  proxies: method(villageRef, ({ villageId }) => voters.proxies(villageId)),
  addProxy: method(proxyInput, (p) => voters.addProxy(p)),
  removeProxy: method(idInput, ({ id }) => voters.removeProxy(id))
})
