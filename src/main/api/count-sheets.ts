import { SHEET_LABELS, sheetEntryInput, sheetResolveInput } from '../../shared/count-sheet'
import { ELECTION_LABELS } from '../../shared/election'
import { idInput, prefixed } from '../../shared/inputs'
import { z } from 'zod'
import type { Services } from '../core/services'
import { method } from './method'

/** 计票单双人录入: keyed twice blind, compared field by field, resolved with a reason, then locked. */
export const countSheetsApi = ({ countSheets }: Services) => ({
  list: method(z.object({ villageId: z.number().int().positive().nullable().default(null) }), ({ villageId }) => countSheets.list(villageId)),
  get: method(idInput, ({ id }) => countSheets.require(id)),
  enter: method(sheetEntryInput, (e) => countSheets.enter(e), { ...SHEET_LABELS, ...prefixed('figures', ELECTION_LABELS) }),
  resolve: method(sheetResolveInput, (r) => countSheets.resolve(r), SHEET_LABELS)
})
