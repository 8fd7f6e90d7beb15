import type { z } from 'zod'
import { failure } from '../../shared/result'
import type { KeyPerson, RiskItem, RiskItemData, RiskItemDetail, RiskStatusEvent, Talk, keyPersonInput, statusChangeInput, talkInput } from '../../shared/risk'
import { isOverdue, isReopening, transitionProblem, type RiskLedger, type RiskStatus, type StatusEvent } from '../../shared/risk-rules'
import type { Clock } from './clock'
import type { PersonService } from './persons'
import type { Store } from './store'

const ITEM_COLUMNS = `ri.id, ri.village_id AS villageId, ri.type, ri.description, ri.source, ri.measures,
  ri.responsible_leader AS responsibleLeader, ri.responsible_cadre AS responsibleCadre, ri.deadline, ri.found_on AS foundOn, ri.status,
  ri.closed_on AS closedOn, ri.closed_evidence AS closedEvidence, ri.closed_by AS closedBy, ri.created_at AS createdAt, ri.updated_at AS updatedAt`

export interface RiskItemRow extends RiskItem {
  villageName: string
  overdue: boolean
  keyPersonNames: string
}

/** Which ledger a service keeps: the risk files before the vote, or the 回头看 problems found after it. */
export interface LedgerOptions {
  ledger: RiskLedger
  /** What one item is called in messages and the audit log. */
  noun: string
  /** The only types an item may have; any (the settings' list) when absent. */
  kinds?: readonly string[]
}

export const RISK_LEDGER: LedgerOptions = { ledger: '风险', noun: '风险事项' }

export interface RiskFilter {
  villageId?: number | null
  status?: RiskStatus | null
}

/**
 * Risk items of the villages (一账一策一人): the item, its status history (销号 and reopening kept),
 * its key persons from the persons register and the talks held with them. One service per ledger: the
 * 回头看 after the vote keeps its problems the same way, apart from the risk files.
 */
export class RiskService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly persons: PersonService,
    private readonly kept: LedgerOptions = RISK_LEDGER
  ) {}

  list(filter: RiskFilter): RiskItemRow[] {
    const today = this.clock.today()
    const rows = this.store.all<RiskItem & { villageName: string; keyPersonNames: string | null }>(
      `SELECT ${ITEM_COLUMNS}, v.name AS villageName,
         (SELECT group_concat(p.name, '、') FROM risk_key_persons k JOIN persons p ON p.id = k.person_id WHERE k.risk_item_id = ri.id) AS keyPersonNames
       FROM risk_items ri JOIN villages v ON v.id = ri.village_id
       WHERE ri.ledger = @ledger AND (@villageId IS NULL OR ri.village_id = @villageId) AND (@status IS NULL OR ri.status = @status)
       ORDER BY ri.status = '已化解', ri.deadline IS NULL, ri.deadline, ri.id`,
      { villageId: filter.villageId ?? null, status: filter.status ?? null, ledger: this.kept.ledger }
    )
    return rows.map((item) => ({ ...item, keyPersonNames: item.keyPersonNames ?? '', overdue: isOverdue(item, today) }))
  }

  require(id: number): RiskItem & { villageName: string } {
    const row = this.store.one<RiskItem & { villageName: string }>(
      `SELECT ${ITEM_COLUMNS}, v.name AS villageName FROM risk_items ri JOIN villages v ON v.id = ri.village_id WHERE ri.id = ? AND ri.ledger = ?`,
      id,
      this.kept.ledger
    )
    if (!row) throw failure('not_found', `该${this.kept.noun}不存在，可能已被删除`)
    return row
  }

  detail(id: number): RiskItemDetail {
    const today = this.clock.today()
    const item = this.require(id)
    return {
      ...item,
      overdue: isOverdue(item, today),
      keyPersons: this.keyPersons(id),
      talks: this.talks(id),
      events: this.store.all<RiskStatusEvent>(
        `SELECT id, risk_item_id AS riskItemId, from_status AS fromStatus, to_status AS toStatus, "on", evidence, "by", note, at, actor
         FROM risk_status_events WHERE risk_item_id = ? ORDER BY id`,
        id
      )
    }
  }

  create(data: RiskItemData): RiskItem {
    this.checkKind(data.type)
    return this.store.write((audit) => {
      const village = this.store.one<{ name: string }>('SELECT name FROM villages WHERE id = ?', data.villageId)
      if (!village) throw failure('validation', '所选村社不存在', { villageId: '村社不存在' })
      const now = this.clock.now()
      const info = this.store.run(
        `INSERT INTO risk_items (village_id, type, description, source, measures, responsible_leader, responsible_cadre, deadline, found_on, status, created_at, updated_at, ledger)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '未化解', ?, ?, ?)`,
        data.villageId, data.type, data.description, data.source, data.measures, data.responsibleLeader, data.responsibleCadre, data.deadline, data.foundOn, now, now, this.kept.ledger
      )
      const id = Number(info.lastInsertRowid)
      this.recordEvent(id, null, '未化解', { on: data.foundOn, note: '登记' })
      const created = this.require(id)
      audit({ action: 'create', entity: 'risk_item', entityId: id, summary: `登记${this.kept.noun}：${village.name}·${data.type}`, after: created })
      return created
    })
  }

  update(id: number, data: RiskItemData): RiskItem {
    this.checkKind(data.type)
    return this.store.write((audit) => {
      const before = this.require(id)
      if (before.villageId !== data.villageId) throw failure('validation', `${this.kept.noun}不能改到其他村社，请在该村重新登记`, { villageId: '不能更改村社' })
      this.store.run(
        `UPDATE risk_items SET type = ?, description = ?, source = ?, measures = ?, responsible_leader = ?, responsible_cadre = ?,
           deadline = ?, found_on = ?, updated_at = ? WHERE id = ?`,
        data.type, data.description, data.source, data.measures, data.responsibleLeader, data.responsibleCadre, data.deadline, data.foundOn, this.clock.now(), id
      )
      const after = this.require(id)
      audit({ action: 'update', entity: 'risk_item', entityId: id, summary: `修改${this.kept.noun}：${after.villageName}·${after.type}`, before, after })
      return after
    })
  }

  changeStatus(input: z.output<typeof statusChangeInput>): RiskItem {
    const today = this.clock.today()
    return this.store.write((audit) => {
      const before = this.require(input.id)
      const problem = transitionProblem(before.status, input.to)
      if (problem) throw failure('validation', problem, { to: problem })
      if (input.on > today) throw failure('validation', '日期不能晚于今天', { on: '日期不能晚于今天' })
      if (input.on < before.foundOn) throw failure('validation', `日期不能早于发现日期 ${before.foundOn}`, { on: '早于发现日期' })
      const reopening = isReopening(before.status, input.to)
      if (reopening && !input.note) throw failure('validation', '重新打开已销号的事项须说明原因', { note: '请说明重新打开的原因' })
      const closing = input.to === '已化解'
      this.store.run(
        'UPDATE risk_items SET status = ?, closed_on = ?, closed_evidence = ?, closed_by = ?, updated_at = ? WHERE id = ?',
        input.to, closing ? input.on : null, closing ? input.evidence : '', closing ? input.by : '', this.clock.now(), input.id
      )
      this.recordEvent(input.id, before.status, input.to, input)
      const after = this.require(input.id)
      const verb = closing ? '销号' : reopening ? '重新打开' : `改为“${input.to}”`
      audit({
        action: 'update',
        entity: 'risk_item',
        entityId: input.id,
        summary: `${this.kept.noun}${verb}：${after.villageName}·${after.type}${input.note ? `（${input.note}）` : ''}`,
        before,
        after
      })
      return after
    })
  }

  addKeyPerson(input: z.output<typeof keyPersonInput>): KeyPerson {
    return this.store.write((audit) => {
      const item = this.require(input.riskItemId)
      const person = input.newPerson
        ? this.persons.createIn({ ...input.newPerson, villageId: input.newPerson.villageId ?? item.villageId }, audit)
        : this.persons.require(input.personId!)
      const dup = this.store.value('SELECT 1 FROM risk_key_persons WHERE risk_item_id = ? AND person_id = ?', item.id, person.id)
      if (dup !== undefined) throw failure('conflict', `“${person.name}”已是该事项的重点人员`)
      const info = this.store.run(
        'INSERT INTO risk_key_persons (risk_item_id, person_id, role, created_at) VALUES (?, ?, ?, ?)',
        item.id, person.id, input.role, this.clock.now()
      )
      const added = this.keyPersons(item.id).find((k) => k.linkId === Number(info.lastInsertRowid))!
      audit({ action: 'create', entity: 'risk_key_person', entityId: added.linkId, summary: `${item.villageName}·${item.type}：列入重点人员“${person.name}”`, after: added })
      return added
    })
  }

  removeKeyPerson(linkId: number): void {
    this.store.write((audit) => {
      const itemId = this.store.value<number>('SELECT risk_item_id FROM risk_key_persons WHERE id = ?', linkId)
      if (itemId === undefined) throw failure('not_found', '该重点人员已不在此事项中')
      const item = this.require(itemId)
      const before = this.keyPersons(itemId).find((k) => k.linkId === linkId)!
      this.store.run('DELETE FROM risk_key_persons WHERE id = ?', linkId)
      audit({ action: 'delete', entity: 'risk_key_person', entityId: linkId, summary: `${item.villageName}·${item.type}：移出重点人员“${before.name}”`, before })
    })
  }

  addTalk(input: z.output<typeof talkInput>): Talk {
    const today = this.clock.today()
    return this.store.write((audit) => {
      const item = this.require(input.riskItemId)
      if (input.talkedOn > today) throw failure('validation', '谈话日期不能晚于今天', { talkedOn: '不能晚于今天' })
      const key = this.keyPersons(item.id).find((k) => k.personId === input.personId)
      if (!key) throw failure('validation', '谈话对象须是该事项的重点人员', { personId: '不是该事项的重点人员' })
      const info = this.store.run(
        'INSERT INTO key_person_talks (risk_item_id, person_id, kind, talked_on, talked_by, summary, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        item.id, input.personId, input.kind, input.talkedOn, input.talkedBy, input.summary, this.clock.now()
      )
      const talk = this.talks(item.id).find((t) => t.id === Number(info.lastInsertRowid))!
      audit({ action: 'create', entity: 'key_person_talk', entityId: talk.id, summary: `${item.villageName}：与“${key.name}”${input.kind}（${input.talkedOn}）`, after: talk })
      return talk
    })
  }

  removeTalk(id: number): void {
    this.store.write((audit) => {
      const itemId = this.store.value<number>('SELECT risk_item_id FROM key_person_talks WHERE id = ?', id)
      if (itemId === undefined) throw failure('not_found', '该谈话记录不存在，可能已被删除')
      this.require(itemId)
      const before = this.talks(itemId).find((t) => t.id === id)!
      this.store.run('DELETE FROM key_person_talks WHERE id = ?', id)
      audit({ action: 'delete', entity: 'key_person_talk', entityId: id, summary: `删除与“${before.personName}”的谈话记录（${before.talkedOn}）`, before })
    })
  }

  keyPersons(riskItemId: number): KeyPerson[] {
    return this.store.all<KeyPerson>(
      `SELECT k.id AS linkId, k.risk_item_id AS riskItemId, k.person_id AS personId, p.name, p.id_number AS idNumber, p.phone, k.role,
         (SELECT max(t.talked_on) FROM key_person_talks t WHERE t.person_id = k.person_id) AS lastTalkOn
       FROM risk_key_persons k JOIN persons p ON p.id = k.person_id WHERE k.risk_item_id = ? ORDER BY k.id`,
      riskItemId
    )
  }

  talks(riskItemId: number): Talk[] {
    return this.store.all<Talk>(
      `SELECT t.id, t.risk_item_id AS riskItemId, t.person_id AS personId, p.name AS personName, t.kind, t.talked_on AS talkedOn,
         t.talked_by AS talkedBy, t.summary
       FROM key_person_talks t JOIN persons p ON p.id = t.person_id WHERE t.risk_item_id = ? ORDER BY t.talked_on DESC, t.id DESC`,
      riskItemId
    )
  }

  /** Every status change of every item, for the trend of open items over time. */
  statusEvents(): StatusEvent[] {
    return this.store.all<StatusEvent>(
      `SELECT e.risk_item_id AS itemId, e."on", e.id AS seq, e.to_status AS "to" FROM risk_status_events e
       JOIN risk_items ri ON ri.id = e.risk_item_id WHERE ri.ledger = ? ORDER BY e.id`,
      this.kept.ledger
    )
  }

  /** Key persons of open items with the date of their last talk (any item), one row per person and village. */
  openKeyPersons(): { personId: number; name: string; villageId: number; villageName: string; lastTalkOn: string | null; items: string }[] {
    return this.store.all(
      `SELECT p.id AS personId, p.name, v.id AS villageId, v.name AS villageName,
         (SELECT max(t.talked_on) FROM key_person_talks t WHERE t.person_id = p.id) AS lastTalkOn,
         group_concat(ri.type, '、') AS items
       FROM risk_key_persons k JOIN risk_items ri ON ri.id = k.risk_item_id JOIN persons p ON p.id = k.person_id
       JOIN villages v ON v.id = ri.village_id
       WHERE ri.status <> '已化解' AND ri.ledger = ?
       GROUP BY p.id, v.id ORDER BY lastTalkOn IS NOT NULL, lastTalkOn, p.id`,
      this.kept.ledger
    )
  }

  private checkKind(type: string): void {
    const kinds = this.kept.kinds
    if (kinds && !kinds.includes(type)) {
      const why = `${this.kept.noun}的类型应为${kinds.join('、')}之一`
      throw failure('validation', why, { type: why })
    }
  }

  private recordEvent(itemId: number, from: RiskStatus | null, to: RiskStatus, e: { on: string; evidence?: string; by?: string; note?: string }): void {
    this.store.run(
      'INSERT INTO risk_status_events (risk_item_id, from_status, to_status, "on", evidence, "by", note, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      itemId, from, to, e.on, e.evidence ?? '', e.by ?? '', e.note ?? '', this.clock.now(), this.store.actor
    )
  }
}
