import { resolvedFigures, sheetDifferences, type CountSheet, type SheetStatus } from '../../shared/count-sheet'
import { electionInput, type ElectionData, type ElectionRecord } from '../../shared/election'
import { failure } from '../../shared/result'
import type { Clock } from './clock'
import type { ElectionService } from './elections'
import type { Store } from './store'

type SheetRow = Omit<CountSheet, 'entries' | 'differences'>

const SHEET_SQL = `SELECT s.id, s.village_id AS villageId, g.name AS villageName, s.body, s.round, s.held_on AS heldOn, s.version, s.status,
  s.election_id AS electionId, s.correction_reason AS correctionReason, s.resolved_by_name AS resolvedBy, s.resolution_reason AS resolutionReason
  FROM count_sheets s JOIN villages g ON g.id = s.village_id`

/**
 * 计票单 keyed twice, blind. Who keyed it is the name typed in the form (entered_by_name) until accounts exist;
 * entered_by_account is kept for them. When both entries agree the result is saved and locked; a difference
 * waits for a resolution with a reason; a locked result changes only by a new double-entered version.
 */
export class CountSheetService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly elections: ElectionService
  ) {}

  list(villageId: number | null = null): CountSheet[] {
    return this.store
      .all<{ id: number }>('SELECT id FROM count_sheets WHERE (@v IS NULL OR village_id = @v) ORDER BY id DESC', { v: villageId })
      .map(({ id }) => this.require(id))
  }

  require(id: number): CountSheet {
    const sheet = this.store.one<SheetRow>(`${SHEET_SQL} WHERE s.id = ?`, id)
    if (!sheet) throw failure('not_found', '该计票单不存在')
    const entries = this.store.all<{ entryNo: 1 | 2; enteredBy: string; enteredAt: string }>(
      'SELECT entry_no AS entryNo, entered_by_name AS enteredBy, entered_at AS enteredAt FROM count_sheet_entries WHERE sheet_id = ? ORDER BY entry_no',
      id
    )
    const both = entries.length === 2 ? this.figures(id) : null
    return { ...sheet, entries, differences: both ? sheetDifferences(both[0], both[1]) : [] }
  }

  /** The first keying opens a sheet; the second, by another clerk, compares and, when all agrees, saves the result. */
  enter(input: { sheetId: number | null; enteredBy: string; figures: ElectionData; electionId: number | null; reason: string }): CountSheet {
    return this.store.write((audit) => {
      const now = this.clock.now()
      const { figures: f } = input
      let id = input.sheetId
      if (id === null) {
        let version = 1
        if (input.electionId !== null) {
          const locked = this.elections.require(input.electionId)
          if (!input.reason) throw failure('validation', '更正已锁定的选举结果须填写更正原因', { reason: '请填写更正原因' })
          if (locked.villageId !== f.villageId || locked.body !== f.body) throw failure('validation', '更正的计票单应属于原选举结果的村社和组织')
          version = locked.version + 1
        }
        id = Number(
          this.store.run(
            `INSERT INTO count_sheets (village_id, body, round, held_on, election_id, version, status, correction_reason, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, '待第二次录入', ?, ?, ?)`,
            f.villageId, f.body, f.round, f.heldOn, input.electionId, version, input.reason, now, now
          ).lastInsertRowid
        )
      } else {
        const sheet = this.require(id)
        if (sheet.status !== '待第二次录入') throw failure('conflict', '该计票单已录入两次，不能再录入')
        if (sheet.villageId !== f.villageId || sheet.body !== f.body) throw failure('validation', '第二次录入应为同一村社、同一组织的计票单')
        if (sheet.entries[0].enteredBy === input.enteredBy) {
          throw failure('validation', `第二次录入应由另一名工作人员完成（第一次录入人：${sheet.entries[0].enteredBy}）`, { enteredBy: '应与第一次录入人不同' })
        }
      }
      const entryNo = input.sheetId === null ? 1 : 2
      this.store.run(
        'INSERT INTO count_sheet_entries (sheet_id, entry_no, entered_by_name, figures, entered_at) VALUES (?, ?, ?, ?, ?)',
        id, entryNo, input.enteredBy, JSON.stringify(f), now
      )
      let status: SheetStatus = '待第二次录入'
      if (entryNo === 2) {
        const [a, b] = this.figures(id)
        status = sheetDifferences(a, b).length === 0 ? '已确认' : '有差异'
        if (status === '已确认') this.finalize(id, a)
      }
      this.store.run('UPDATE count_sheets SET status = ?, updated_at = ? WHERE id = ?', status, now, id)
      const sheet = this.require(id)
      audit({
        action: 'create',
        entity: 'count_sheet',
        entityId: id,
        summary: `${sheet.villageName}${f.body}${f.round}计票单第${entryNo === 1 ? '一' : '二'}次录入（${input.enteredBy}）${status === '待第二次录入' ? '' : `：${status}`}`,
        after: { entryNo, enteredBy: input.enteredBy, figures: f, status }
      })
      return sheet
    })
  }

  /** Settles the differences: each taken from the entry the resolver names, with the reason, then saved and locked. */
  resolve(input: { sheetId: number; resolvedBy: string; reason: string; second: string[] }): CountSheet {
    return this.store.write((audit) => {
      const sheet = this.require(input.sheetId)
      if (sheet.status !== '有差异') throw failure('conflict', sheet.status === '已确认' ? '该计票单已确认' : '该计票单尚未完成第二次录入')
      const known = new Set(sheet.differences.map((d) => d.path))
      const unknown = input.second.find((p) => !known.has(p))
      if (unknown) throw failure('validation', `“${unknown}”不是该计票单的差异项`)
      const [a, b] = this.figures(sheet.id)
      const final = electionInput.parse(resolvedFigures(a, b, new Set(input.second)))
      this.finalize(sheet.id, final)
      this.store.run(
        `UPDATE count_sheets SET status = '已确认', resolved_by_name = ?, resolution_reason = ?, updated_at = ? WHERE id = ?`,
        input.resolvedBy, input.reason, this.clock.now(), sheet.id
      )
      const after = this.require(sheet.id)
      const chosen = sheet.differences.map((d) => `${d.label}取${input.second.includes(d.path) ? `第二次（${d.second}）` : `第一次（${d.first}）`}`)
      audit({ action: 'update', entity: 'count_sheet', entityId: sheet.id, summary: `裁定${sheet.villageName}${sheet.body}计票单差异（${input.resolvedBy}）：${input.reason}`, before: sheet, after: { ...after, chosen } })
      return after
    })
  }

  private figures(sheetId: number): [ElectionData, ElectionData] {
    const rows = this.store.all<{ figures: string }>('SELECT figures FROM count_sheet_entries WHERE sheet_id = ? ORDER BY entry_no', sheetId)
    return [JSON.parse(rows[0].figures), JSON.parse(rows[1].figures)]
  }

  /** Saves the agreed figures as the result (a new version of a locked one) and locks it. */
  private finalize(sheetId: number, figures: ElectionData): ElectionRecord {
    const sheet = this.store.one<{ electionId: number | null; reason: string }>(
      'SELECT election_id AS electionId, correction_reason AS reason FROM count_sheets WHERE id = ?',
      sheetId
    )!
    const record =
      sheet.electionId === null
        ? this.elections.create(figures, { locked: true })
        : this.elections.update(sheet.electionId, figures, { reason: sheet.reason })
    this.store.run('UPDATE count_sheets SET election_id = ? WHERE id = ?', record.id, sheetId)
    return record
  }
}
