import { BODY_MEMBER_LABELS, bodyMemberInput, bodyRosterQuery } from '../../shared/bodies'
import { idInput } from '../../shared/inputs'
import type { Services } from '../core/services'
import { method } from './method'

/** 监督委员会, 村民代表, 村民小组长: the rosters of the other bodies elected in the round. */
export const bodiesApi = ({ bodies }: Services) => ({
  roster: method(bodyRosterQuery, (q) => bodies.roster(q)),
  create: method(bodyMemberInput, (d) => bodies.create(d), BODY_MEMBER_LABELS),
  remove: method(idInput, ({ id }) => bodies.remove(id))
})
