import { HANDOVER_LABELS, handoverItemInput, handoverItemRef, handoverSettingsInput } from '../../shared/handover'
import { villageRef } from '../../shared/inputs'
import type { Services } from '../core/services'
import { method, query } from './method'

/** 工作移交: the township board, one village's checklist, recording and taking back an item, the window's length. */
export const handoverApi = ({ handover }: Services) => ({
  board: query(() => ({ days: handover.days(), villages: handover.board() })),
  village: method(villageRef, ({ villageId }) => handover.village(villageId)),
  record: method(handoverItemInput, (d) => handover.record(d), HANDOVER_LABELS),
  clear: method(handoverItemRef, ({ villageId, item }) => handover.clear(villageId, item), HANDOVER_LABELS),
  saveSettings: method(handoverSettingsInput, (s) => handover.saveSettings(s), { days: '工作移交时限（天）' })
})
