import { memberAttributesUpdate, memberInput, memberRosterQuery } from '../../shared/election'
import { idInput } from '../../shared/inputs'
import type { Services } from '../core/services'
import { method } from './method'

/** 两委成员名册. */
export const membersApi = ({ members }: Services) => ({
  roster: method(memberRosterQuery, (q) => members.roster(q)),
  create: method(memberInput, (m) => members.create(m)),
  updateAttributes: method(memberAttributesUpdate, ({ id, ...a }) => members.updateAttributes(id, a)),
  remove: method(idInput, ({ id }) => members.remove(id))
})
