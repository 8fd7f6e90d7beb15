import {
  HANDOVER_ITEMS,
  handoverDaysSetting,
  handoverProgress,
  type HandoverItemData,
  type HandoverItemKey,
  type HandoverItemRecord,
  type HandoverProgress
} from '../../shared/handover'
import { failure } from '../../shared/result'
import type { Clock } from './clock'
import { committeeDateSql } from './election-days'
import type { SettingsService } from './settings'
import type { Store } from './store'

export interface HandoverVillage extends HandoverProgress {
  villageId: number
  villageName: string
  items: HandoverItemRecord[]
}

const ITEM_SQL = `SELECT village_id AS villageId, item, handed_by AS handedBy, received_by AS receivedBy, supervised_by AS supervisedBy,
  handed_on AS handedOn, note, updated_at AS updatedAt FROM handover_items`

/**
 * The day each village's new 村(居)委会 was elected: the last election day that seated one of its 本届 members
 * (a 另行选举 completes the committee), or the village's election day for members entered from a roster.
 */
const ELECTED_SQL = `SELECT g.id AS villageId, g.name AS villageName,
    (SELECT CASE WHEN count(*) > 0 THEN COALESCE(max(m.elected_on), ${committeeDateSql('g')}) END FROM committee_members m
     WHERE m.village_id = g.id AND m.term = '本届' AND m.body = '村委会') AS electedOn
  FROM villages g`

/** 新老班子工作移交: per village, the five items handed over within the window that opens on election day. */
export class HandoverService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: SettingsService
  ) {}

  days(): number {
    return this.settings.get(handoverDaysSetting)
  }

  saveSettings(s: { days: number }): { days: number } {
    return { days: this.settings.set(handoverDaysSetting, s.days) }
  }

  /** Every village, the ones furthest behind first: overdue, then by the last day, then by name. */
  board(): HandoverVillage[] {
    const villages = this.store.all<{ villageId: number; villageName: string; electedOn: string | null }>(`${ELECTED_SQL} ORDER BY g.name`)
    const items = this.store.all<HandoverItemRecord>(`${ITEM_SQL} ORDER BY village_id`)
    const rank = (v: HandoverVillage) => (v.state === '逾期' ? 0 : v.state === '已完成' ? 3 : v.state === '未选举' ? 4 : 1)
    return villages
      .map((v) => this.progressOf(v, items.filter((i) => i.villageId === v.villageId)))
      .sort((a, b) => rank(a) - rank(b) || (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.villageName.localeCompare(b.villageName, 'zh-CN'))
  }

  village(villageId: number): HandoverVillage {
    const v = this.store.one<{ villageId: number; villageName: string; electedOn: string | null }>(`${ELECTED_SQL} WHERE g.id = ?`, villageId)
    if (!v) throw failure('not_found', '该村社不存在')
    return this.progressOf(v, this.store.all<HandoverItemRecord>(`${ITEM_SQL} WHERE village_id = ?`, villageId))
  }

  /** Records (or corrects) one item's handover; the new committee must have been elected, the date within reason. */
  record(data: HandoverItemData): HandoverVillage {
    return this.store.write((audit) => {
      const before = this.village(data.villageId)
      if (before.electedOn === null) {
        throw failure('validation', `${before.villageName}尚未选出新一届村(居)委会，不能登记工作移交`, { villageId: '尚未选出新一届村(居)委会' })
      }
      if (data.handedOn < before.electedOn) {
        const why = `移交日期不能早于新一届村(居)委会选举日 ${before.electedOn}`
        throw failure('validation', why, { handedOn: why })
      }
      if (data.handedOn > this.clock.today()) throw failure('validation', '移交日期不能晚于今天', { handedOn: '不能晚于今天' })
      const had = before.items.find((i) => i.item === data.item)
      const now = this.clock.now()
      this.store.run(
        `INSERT INTO handover_items (village_id, item, handed_by, received_by, supervised_by, handed_on, note, created_at, updated_at)
         VALUES (@villageId, @item, @handedBy, @receivedBy, @supervisedBy, @handedOn, @note, @now, @now)
         ON CONFLICT (village_id, item) DO UPDATE SET handed_by = excluded.handed_by, received_by = excluded.received_by,
           supervised_by = excluded.supervised_by, handed_on = excluded.handed_on, note = excluded.note, updated_at = excluded.updated_at`,
        { ...data, now }
      )
      const after = this.village(data.villageId)
      audit({
        action: had ? 'update' : 'create',
        entity: 'handover_item',
        entityId: `${data.villageId}:${data.item}`,
        summary: `${had ? '修改' : '登记'}${before.villageName}工作移交：${data.item}（${data.handedBy}→${data.receivedBy}，监交${data.supervisedBy}）`,
        before: had ?? null,
        after: after.items.find((i) => i.item === data.item)
      })
      return after
    })
  }

  /** Takes back an item recorded by mistake; the handover of that item is open again. */
  clear(villageId: number, item: HandoverItemKey): HandoverVillage {
    return this.store.write((audit) => {
      const before = this.village(villageId)
      const had = before.items.find((i) => i.item === item)
      if (!had) throw failure('not_found', `${before.villageName}还没有登记“${item}”的移交`)
      this.store.run('DELETE FROM handover_items WHERE village_id = ? AND item = ?', villageId, item)
      audit({ action: 'delete', entity: 'handover_item', entityId: `${villageId}:${item}`, summary: `撤销${before.villageName}工作移交登记：${item}`, before: had })
      return this.village(villageId)
    })
  }

  private progressOf(v: { villageId: number; villageName: string; electedOn: string | null }, items: HandoverItemRecord[]): HandoverVillage {
    const ordered = HANDOVER_ITEMS.flatMap((k) => items.filter((i) => i.item === k))
    return { villageId: v.villageId, villageName: v.villageName, ...handoverProgress(v.electedOn, ordered, this.clock.today(), this.days()), items: ordered }
  }
}
