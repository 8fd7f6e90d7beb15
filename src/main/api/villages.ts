import { idInput, prefixed, withId } from '../../shared/inputs'
import { VILLAGE_LABELS, villageInput, villageQuery } from '../../shared/village'
import type { Services } from '../core/services'
import { method } from './method'

/** 村社台账. */
export const villagesApi = ({ villages }: Services) => ({
  list: method(villageQuery, (q) => villages.list(q)),
  get: method(idInput, ({ id }) => villages.require(id)),
  create: method(villageInput, (v) => villages.create(v), VILLAGE_LABELS),
  update: method(withId(villageInput), ({ id, data }) => villages.update(id, data), prefixed('data', VILLAGE_LABELS)),
  remove: method(idInput, ({ id }) => villages.remove(id))
})
