import { idInput, withId } from '../../shared/inputs'
import { keyPersonInput, riskItemInput, riskListQuery, statusChangeInput, talkInput } from '../../shared/risk'
import type { RiskService } from '../core/risks'
import { method } from './method'

/** The items of one ledger (风险档案 or 回头看): each with its status history, key persons and talks. */
export const itemMethods = (ledger: RiskService, labels: Record<string, string>) => ({
  list: method(riskListQuery, (f) => ledger.list(f)),
  get: method(idInput, ({ id }) => ledger.detail(id)),
  create: method(riskItemInput, (d) => ledger.create(d), labels),
  update: method(withId(riskItemInput), ({ id, data }) => ledger.update(id, data), labels),
  changeStatus: method(statusChangeInput, (c) => ledger.changeStatus(c), labels),
  addKeyPerson: method(keyPersonInput, (k) => ledger.addKeyPerson(k), labels),
  removeKeyPerson: method(idInput, ({ id }) => ledger.removeKeyPerson(id)),
  addTalk: method(talkInput, (t) => ledger.addTalk(t), labels),
  removeTalk: method(idInput, ({ id }) => ledger.removeTalk(id))
})
