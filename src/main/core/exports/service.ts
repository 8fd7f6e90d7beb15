import type { Stage } from '../../../shared/candidate'
import { todayIso } from '../../../shared/dates'
import { EXPORT_TABLES, exportFileName, MIME, type ExportedFile, type ExportFormat, type ExportTable } from '../../../shared/exports'
import { failure } from '../../../shared/result'
import type { Village } from '../../../shared/village'
import { proposedPost } from '../candidates'
import type { JobContext, JobRunner, JobStatus } from '../jobs'
import { RiskBoardService } from '../risk-board'
import type { Store } from '../store'
import { VillageService } from '../villages'
import { CandidateExports, type CandidateScope, type FormSigning } from './candidate-exports'
import { dossierDocument, renderDossierBatch, type BatchProgress } from './dossier-pdf'
import { pdfFonts } from './fonts'
import { candidatesSpec } from './layouts/candidates'
import type { TableHeading } from './layouts/common'
import { reviewSpec } from './layouts/review'
import { focusVillagesSpec, risksSpec } from './layouts/risks'
import { timelineSpec } from './layouts/timeline'
import { villagesSpec } from './layouts/villages'
import { officialSheetBuffer } from './official-sheet'
import { renderPdf, tableDocument } from './pdf'
import type { TableSpec } from './table-spec'

/** Tables whose records live in modules not in this build yet: which register they wait for. */
const WAITING_FOR: Partial<Record<ExportTable, string>> = {
  members: '选举结果',
  structure: '选举结果',
  voters: '选民登记'
}

export interface TableInfo {
  name: ExportTable
  label: string
  formats: readonly ExportFormat[]
  /** Why the table cannot be exported yet, or null. */
  unavailable: string | null
}

export interface ExportRequest {
  table: ExportTable
  format: ExportFormat
  villageId: number | null
  /** Candidate tables and forms only. */
  stage?: Stage | null
  candidateId?: number | null
  filledBy?: string
}

/** One official table with its rows, ready to be written in either format whatever its row type. */
interface Tabular {
  xlsx(): Promise<Buffer>
  pdf(): Promise<Buffer>
}

const tabular = <R>(spec: TableSpec<R>, rows: R[]): Tabular => ({
  xlsx: () => officialSheetBuffer(spec, rows),
  pdf: () => renderPdf(tableDocument(spec, rows), pdfFonts())
})

/**
 * Turns the register into the files the office hands up. Small tables come back at once; a batch of
 * forms runs as a job with progress and cancel.
 */
export class ExportService {
  private readonly villages: VillageService
  private readonly board: RiskBoardService
  private readonly candidates: CandidateExports

  constructor(
    private readonly store: Store,
    private readonly jobs: JobRunner
  ) {
    this.villages = new VillageService(store)
    this.board = new RiskBoardService(store)
    this.candidates = new CandidateExports(store)
  }

  tables(): TableInfo[] {
    return (Object.keys(EXPORT_TABLES) as ExportTable[]).map((name) => ({
      name,
      label: EXPORT_TABLES[name].label,
      formats: EXPORT_TABLES[name].formats,
      unavailable: WAITING_FOR[name] ? `需要“${WAITING_FOR[name]}”中的数据，该模块尚未接入本版本` : null
    }))
  }

  /** 填报单位: the township the villages belong to (the most common one), and today. */
  heading(today = todayIso()): TableHeading {
    const row = this.store.db
      .prepare(`SELECT township FROM villages WHERE township <> '' GROUP BY township ORDER BY count(*) DESC, township LIMIT 1`)
      .get() as { township: string } | undefined
    return { unit: row?.township ?? '', date: today }
  }

  private check(req: ExportRequest): { label: string; village: Village | null } {
    const def = EXPORT_TABLES[req.table]
    if (!(def.formats as readonly string[]).includes(req.format)) {
      throw failure('validation', `“${def.label}”只能导出为 ${def.formats.map((f) => f.toUpperCase()).join('、')}`)
    }
    const waiting = WAITING_FOR[req.table]
    if (waiting) throw failure('not_ready', `“${def.label}”暂不能导出：需要“${waiting}”中的数据，该模块尚未接入本版本。`)
    return { label: def.label, village: req.villageId === null ? null : this.villages.require(req.villageId) }
  }

  private fileOf(req: ExportRequest, label: string, village: Village | null, bytes: Buffer, h: TableHeading, detail?: string): ExportedFile {
    return {
      fileName: exportFileName({ unit: h.unit, village: [village?.name, detail].filter(Boolean).join('_'), label, date: h.date, format: req.format }),
      mime: MIME[req.format],
      base64: bytes.toString('base64')
    }
  }

  /** One table at once (the ones that fit in memory). */
  async file(req: ExportRequest): Promise<ExportedFile> {
    const { label, village } = this.check(req)
    const h = this.heading()
    if (req.table === 'dossier') return this.dossierFile(req, label, village, h)
    const table = this.tabular(req.table, village, h, req.stage ?? null)
    return this.fileOf(req, label, village, await table[req.format](), h, req.stage ?? undefined)
  }

  /** The rows of a table for the township or one village; overdue marks are as of the export date. */
  private tabular(table: ExportTable, village: Village | null, h: TableHeading, stage: Stage | null = null): Tabular {
    const villageId = village?.id ?? null
    switch (table) {
      case 'candidates':
        return tabular(candidatesSpec({ ...h, referenceDate: h.date }), this.candidates.rosterRows({ villageId, stage }))
      case 'review': {
        const { departments, rows } = this.candidates.reviewRows({ villageId, stage })
        return tabular(reviewSpec({ ...h, departments }), rows)
      }
      case 'villages':
        return tabular(villagesSpec(h), village ? [village] : this.villages.list())
      case 'risks':
        return tabular(risksSpec(h), this.board.ledgerRows(h.date, villageId))
      case 'focus-villages':
        return tabular(focusVillagesSpec({ ...h, talkIntervalDays: this.board.riskSettings().talkIntervalDays }), this.board.focusVillageRows(h.date, villageId))
      case 'timeline': {
        const t = this.board.plans.timeline(h.date)
        return tabular(timelineSpec(h, t.steps), t.rows.filter((r) => villageId === null || r.village.id === villageId))
      }
      default:
        throw failure('not_ready', `“${EXPORT_TABLES[table].label}”暂不能导出`)
    }
  }

  /** The same as `file`, as a job: batches of forms report progress and can be cancelled. */
  start(req: ExportRequest): JobStatus<ExportedFile> {
    const { label, village } = this.check(req)
    return this.jobs.start('export', `正在导出${village ? village.name : ''}${label}`, async (ctx: JobContext) => {
      if (req.table !== 'dossier') return this.file(req)
      return this.dossierFile(req, label, village, this.heading(), {
        progress: (done, total, message) => ctx.progress(done, total, message),
        throwIfCancelled: () => ctx.throwIfCancelled()
      })
    })
  }

  /**
   * 人选登记表: one candidate's form, or every candidate of the scope (a village, a stage, the township)
   * behind a cover list, in the order the office hands them up. Each form is read from the register
   * as it is laid out, so a batch never holds every photo at once.
   */
  private async dossierFile(req: ExportRequest, label: string, village: Village | null, h: TableHeading, job?: BatchProgress): Promise<ExportedFile> {
    const signing: FormSigning = { reportingUnit: h.unit, filledBy: req.filledBy ?? '', filledOn: h.date }
    if (req.candidateId) {
      const candidate = this.candidates.candidates.get(req.candidateId)
      const form = this.candidates.dossier(candidate.id, signing)
      return this.fileOf(req, label, this.villages.require(candidate.villageId), await renderPdf(dossierDocument(form), pdfFonts()), h, form.name)
    }
    const scope: CandidateScope = { villageId: village?.id ?? null, stage: req.stage ?? null }
    const list = this.candidates.list(scope, '人选登记表')
    job?.progress(0, list.length, '正在准备…')
    const forms = {
      cover: list.map((c) => ({ name: c.name, sex: c.sex ?? '', birthDate: c.birthDate, village: c.villageName, proposedPost: proposedPost(c.villageName, c.post) })),
      form: (i: number) => this.candidates.dossier(list[i].id, signing)
    }
    const cover = { scope: `${village?.name ?? h.unit}${scope.stage ? `（${scope.stage}环节）` : ''}`, unit: h.unit, date: h.date }
    return this.fileOf(req, label, village, await renderDossierBatch(forms, cover, pdfFonts(), job), h, scope.stage ?? undefined)
  }
}
