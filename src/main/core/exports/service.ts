import { PassThrough } from 'node:stream'
import type { Content } from 'pdfmake/interfaces'
import type { Stage } from '../../../shared/candidate'
import type { Term } from '../../../shared/election'
import { EXPORT_TABLES, exportFileName, MIME, type ExportedFile, type ExportFormat, type ExportTable } from '../../../shared/exports'
import { failure } from '../../../shared/result'
import type { Village } from '../../../shared/village'
import { fillNotice, type NoticeKind, type NoticeTemplateText } from '../../../shared/notices'
import type { DayPapers } from './day-papers'
import { proposedPost } from '../candidates'
import type { Clock } from '../clock'
import type { BodyService } from '../bodies'
import type { ElectionService } from '../elections'
import type { HandoverService } from '../handover'
import type { JobResults } from '../../../shared/jobs'
import type { JobContext, JobRunner, JobStatus } from '../jobs'
import { yieldToEventLoop } from '../jobs'
import type { MemberService } from '../members'
import type { RiskBoardService } from '../risk-board'
import type { RiskService } from '../risks'
import type { StatisticsService } from '../statistics'
import type { Store } from '../store'
import type { VillageService } from '../villages'
import type { VoterService } from '../voters'
import type { CandidateExports, CandidateScope, FormSigning } from './candidate-exports'
import { renderDossierDocx } from './dossier-docx'
import { renderTablesDocx } from './table-docx'
import { dossierDocument, type BatchProgress } from './dossier-pdf'
import { renderDossierBatchOnThreads } from './dossier-pdf-threads'
import { lrmxFiles, lrmxZip, type LrmxSources } from './lrmx-register'
import { pdfFonts } from './fonts'
import { candidatesSpec } from './layouts/candidates'
import { BODY_TABLES, bodySpec } from './layouts/bodies'
import { focusAfterRows, focusAfterSpec, lookbackSpec } from './layouts/lookback'
import { handoverBoardLines, handoverBoardSpec, handoverLines, handoverSpec } from './layouts/handover'
import type { TableHeading } from './layouts/common'
import { replySpec } from './layouts/reply'
import { reviewSpec } from './layouts/review'
import { focusVillagesSpec, risksSpec } from './layouts/risks'
import { timelineSpec } from './layouts/timeline'
import { reportSummarySpec, summaryRow, summaryTotal, villageReportSheets } from './layouts/election-report'
import { memberLines, membersSpec } from './layouts/members'
import { structureSpec } from './layouts/structure'
import { villageLines, villagesSpec } from './layouts/villages'
import { votersSpec, type VoterListNotice, type VoterListRow } from './layouts/voters'
import { officialWorkbookBuffer, streamOfficialSheet } from './official-sheet'
import { IncrementalPdf, renderPdf } from './pdf'
import { tableDocument, tablesDocument } from './pdf-table'
import type { TableSpec } from './table-spec'

export interface TableInfo {
  name: ExportTable
  label: string
  formats: readonly ExportFormat[]
  /** A table of one department (联审回执), exported from its own page, not from 导出. */
  exportedFrom?: string
}

export interface ExportRequest {
  table: ExportTable
  format: ExportFormat
  villageId: number | null
  term?: Term
  /** 公告 only: which notice. */
  notice?: NoticeKind | null
  /** Candidate tables and forms only. */
  stage?: Stage | null
  candidateId?: number | null
  filledBy?: string
  /** 联审回执 only. */
  department?: string
}

/** A table that fits in memory: its description and its rows. */
interface PlainTable {
  spec: TableSpec<unknown>
  rows: unknown[]
}

const plain = <R>(spec: TableSpec<R>, rows: R[]): PlainTable => ({ spec: spec as TableSpec<unknown>, rows })

/** The registers the tables are read from. */
export interface ExportSources {
  villages: VillageService
  riskBoard: RiskBoardService
  voters: VoterService
  members: MemberService
  statistics: StatisticsService
  elections: ElectionService
  candidateExports: CandidateExports
  dayPapers: DayPapers
  handover: HandoverService
  lookback: RiskService
  bodies: BodyService
}

/**
 * Turns the register into the files the office hands up. Small tables come back at once; a batch of
 * forms runs as a job with progress and cancel.
 */
export class ExportService {
  private readonly villages: VillageService
  private readonly board: RiskBoardService
  private readonly voters: VoterService
  private readonly candidates: CandidateExports

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly jobs: JobRunner,
    private readonly registers: ExportSources
  ) {
    this.villages = registers.villages
    this.board = registers.riskBoard
    this.voters = registers.voters
    this.candidates = registers.candidateExports
  }

  tables(): TableInfo[] {
    return (Object.keys(EXPORT_TABLES) as ExportTable[]).map((name) => {
      const def: { label: string; formats: readonly ExportFormat[]; exportedFrom?: string } = EXPORT_TABLES[name]
      return { name, label: def.label, formats: def.formats, ...(def.exportedFrom ? { exportedFrom: def.exportedFrom } : {}) }
    })
  }

  /**
   * 填报单位: the township the villages belong to (the most common one); today; and the round's year,
   * the year most of the scope's election days fall in (a December export for a March round is the
   * next year's table).
   */
  heading(villageId: number | null = null): TableHeading {
    const row = this.store.one<{ township: string }>(
      `SELECT township FROM villages WHERE township <> '' GROUP BY township ORDER BY count(*) DESC, township LIMIT 1`
    )
    const year = this.store.one<{ year: string }>(
      `SELECT substr(d, 1, 4) AS year FROM (
         SELECT committee_election_date AS d FROM villages WHERE @v IS NULL OR id = @v
         UNION ALL SELECT party_election_date FROM villages WHERE @v IS NULL OR id = @v)
       WHERE d IS NOT NULL GROUP BY year ORDER BY count(*) DESC, year DESC LIMIT 1`,
      { v: villageId }
    )
    return { unit: row?.township ?? '', date: this.clock.today(), ...(year ? { roundYear: year.year } : {}) }
  }

  private check(req: ExportRequest): { label: string; village: Village | null } {
    const def = EXPORT_TABLES[req.table]
    if (!(def.formats as readonly string[]).includes(req.format)) {
      throw failure('validation', `“${def.label}”只能导出为 ${def.formats.map((f) => f.toUpperCase()).join('、')}`)
    }
    return { label: def.label, village: req.villageId === null ? null : this.villages.require(req.villageId) }
  }

  private fileOf(req: ExportRequest, label: string, village: Village | null, bytes: Buffer, h: TableHeading, detail?: string): ExportedFile {
    return {
      fileName: exportFileName({ unit: h.unit, village: [village?.name, detail].filter(Boolean).join('_'), label, date: h.date, format: req.format }),
      mime: MIME[req.format],
      base64: bytes.toString('base64')
    }
  }

  /** One table at once; the 选民名单 streams through the same writer a job uses. */
  async file(req: ExportRequest, ctx?: JobContext): Promise<ExportedFile> {
    const { label, village } = this.check(req)
    const h = this.heading(village?.id ?? null)
    if (req.table === 'dossier') return this.dossierFile(req, label, village, h, ctx)
    if (req.table === 'voters') return this.fileOf(req, label, village, await this.voterList(req.format, village, h, ctx), h)
    if (req.table === 'ballots' || req.table === 'tally-sheets' || req.table === 'notices') {
      const notice = req.table === 'notices' ? (req.notice ?? '选举日及选举方式') : null
      const bytes = await this.registers.dayPapers.render(req.table, req.format, village, h, notice, ctx)
      return this.fileOf(req, label, village, bytes, h, notice ?? undefined)
    }
    const tables =
      req.table === 'election-report' ? this.electionReport(village, h) : req.table === 'handover' ? this.handoverLists(village, h) : [this.plainTable(req, village, h)]
    const bytes =
      req.format === 'xlsx'
        ? await officialWorkbookBuffer(tables)
        : req.format === 'docx'
          ? await renderTablesDocx(tables, label)
          : await renderPdf(tablesDocument(tables, pdfFonts()), pdfFonts())
    return this.fileOf(req, label, village, bytes, h, req.stage ?? req.department)
  }

  /** A notice's wording filled with one village's data, as the 公告模板 page previews an edit before it is saved. */
  noticePreview(villageId: number, wording: NoticeTemplateText): NoticeTemplateText {
    const values = this.registers.dayPapers.noticeValues(this.villages.require(villageId), this.heading(villageId))
    return { title: fillNotice(wording.title, values), body: fillNotice(wording.body, values) }
  }

  /** The same as `file`, as a job: batches of forms and long voter lists report progress and can be cancelled. */
  start(req: ExportRequest): JobStatus<JobResults['export']> {
    const { label, village } = this.check(req)
    return this.jobs.start('export', `正在导出${village ? village.name : ''}${label}`, (ctx: JobContext) => this.file(req, ctx))
  }

  private plainTable(req: ExportRequest, village: Village | null, h: TableHeading): PlainTable {
    const villageId = village?.id ?? null
    const stage = req.stage ?? null
    switch (req.table) {
      case 'candidates':
        return plain(candidatesSpec({ ...h, referenceDate: h.date }), this.candidates.rosterRows({ villageId, stage }))
      case 'review': {
        const { departments, rows } = this.candidates.reviewRows({ villageId, stage })
        return plain(reviewSpec({ ...h, departments }), rows)
      }
      case 'reply': {
        if (!req.department) throw failure('validation', '导出联审回执须先选择联审部门')
        const { sentOn, rows } = this.candidates.replyRows(req.department)
        return plain(replySpec({ ...h, department: req.department, sentOn }), rows)
      }
      case 'members': {
        const term = req.term ?? '本届'
        const lines = memberLines(this.registers.members.roster({ term, villageId }))
        if (lines.length === 0) throw failure('empty', `${village ? `“${village.name}”` : ''}还没有${term}“两委”成员，请先录入选举结果或登记成员`)
        return plain(membersSpec({ ...h, term }), lines)
      }
      case 'structure': {
        const { villages, township } = this.registers.statistics.structure()
        const rows = village ? villages.filter((v) => v.villageId === village.id) : [...villages, township]
        if (rows.length === 0 || rows.every((r) => r.incoming.members + r.outgoing.members === 0)) {
          throw failure('empty', `${village ? `“${village.name}”` : ''}还没有“两委”成员，无法生成换届结构统计表`)
        }
        return plain(structureSpec({ ...h, withPrevious: rows.some((r) => r.outgoing.members > 0) }), rows)
      }
      case 'risks':
        return plain(risksSpec(h), this.board.ledgerRows(villageId))
      case 'focus-villages':
        return plain(
          focusVillagesSpec({ ...h, talkIntervalDays: this.board.riskSettings().talkIntervalDays }),
          this.board.focusVillageRows(villageId)
        )
      case 'timeline': {
        const t = this.board.plans.timeline()
        return plain(timelineSpec(h, t.steps), t.rows.filter((r) => villageId === null || r.village.id === villageId))
      }
      case 'supervisors':
      case 'representatives':
      case 'group-leaders': {
        const body = BODY_TABLES[req.table]
        const rows = this.registers.bodies.roster({ body, villageId })
        if (rows.length === 0) throw failure('empty', `${village ? `“${village.name}”` : ''}还没有登记${EXPORT_TABLES[req.table].label.replace('名册', '')}`)
        return plain(bodySpec(h, body, rows), rows)
      }
      case 'lookback':
        return plain(lookbackSpec(h), this.board.ledgerRows(villageId, this.registers.lookback))
      case 'focus-after':
        return plain(focusAfterSpec(h), focusAfterRows(this.registers.lookback.list({ villageId }), village ? [village] : this.villages.list()))
      case 'handover-board': {
        const { handover } = this.registers
        const villages = handover.board().filter((v) => villageId === null || v.villageId === villageId)
        return plain(handoverBoardSpec({ ...h, days: handover.days() }), handoverBoardLines(villages))
      }
      default:
        return plain(villagesSpec(h), villageLines(village ? [village] : this.villages.list()))
    }
  }

  /**
   * 选举结果报告单: a village's two forms (党组织, then 村(居)委会); township-wide the summary table first,
   * then every village's forms that have results.
   */
  private electionReport(village: Village | null, h: TableHeading): PlainTable[] {
    const elections = this.registers.elections
    const seats = this.registers.members.roster({ term: '本届', villageId: village?.id ?? null })
    const scope = (village ? [village] : this.villages.list()).map((v) => ({
      report: elections.villageReport(v.id),
      facts: { kind: v.kind, proxies: this.voters.proxies(v.id).length }
    }))
    const reported = scope.filter((s) => s.report.bodies.some((b) => b.elections.length > 0))
    if (reported.length === 0) throw failure('empty', `${village ? `“${village.name}”` : ''}还没有录入选举结果，无法生成选举结果报告单`)
    const forms = reported.flatMap((s) => villageReportSheets(h, s.report, seats, s.facts))
    if (village) return forms
    const summary = scope.map((s) => summaryRow(s.report, s.facts))
    return [plain(reportSummarySpec(h), [...summary, summaryTotal(summary)]), ...forms]
  }

  /** 移交清单: one village's, or every village's whose new committee is elected, each on its own page. */
  private handoverLists(village: Village | null, h: TableHeading): PlainTable[] {
    const { handover } = this.registers
    const scope = village ? [handover.village(village.id)] : handover.board().sort((a, b) => a.villageName.localeCompare(b.villageName, 'zh-CN'))
    const elected = scope.filter((v) => v.electedOn !== null)
    if (elected.length === 0) throw failure('empty', `${village ? `“${village.name}”` : ''}还没有选出新一届村(居)委会，无法生成移交清单`)
    return elected.map((v) => plain(handoverSpec(h, v), handoverLines(v)))
  }

  /**
   * 选民名单: Excel through the streaming writer, one village after another (memory stays flat at
   * 100,000 voters); PDF one village's list per part, each starting on its own page and numbered on
   * its own, as each village posts its own list.
   */
  private async voterList(format: ExportFormat, village: Village | null, h: TableHeading, ctx?: JobContext): Promise<Buffer> {
    const counts = this.voters.counts(village?.id ?? null)
    const total = counts.total.eligible
    if (total === 0) throw failure('empty', `${village ? `“${village.name}”` : ''}还没有可列入名单的选民`)
    const scope = (village ? [village] : this.villages.list()).filter((v) => counts.villages.some((c) => c.villageId === v.id && c.eligible > 0))
    const objectionDays = this.voters.rules().objectionDays
    ctx?.progress(0, total, '正在准备…')
    if (format === 'docx') {
      // The Word copy is the notice a village posts, edited before printing; the township's compilation is a sheet.
      if (!village) throw failure('validation', '选民名单的 Word 版是各村(社区)张贴的名单公告，请先选择村社')
      const spec = votersSpec({ ...h, notice: this.voterNotice(village), objectionDays, total })
      return renderTablesDocx([{ spec: spec as TableSpec<unknown>, rows: this.voters.listed(village.id) }], `${village.name}选民名单`)
    }
    if (format === 'xlsx') {
      const out = new PassThrough()
      const chunks: Buffer[] = []
      out.on('data', (c: Buffer) => chunks.push(c))
      const ended = new Promise<void>((resolve, reject) => {
        out.on('end', resolve)
        out.on('error', reject)
      })
      const voters = this.voters
      function* rows(): Generator<VoterListRow> {
        for (const v of scope) yield* voters.listed(v.id)
      }
      const spec = votersSpec({ ...h, notice: village ? this.voterNotice(village) : null, objectionDays, total })
      await streamOfficialSheet(spec, rows(), { stream: out }, ctx && { ctx, total })
      await ended
      return Buffer.concat(chunks)
    }
    const eligible = (v: Village) => counts.villages.find((c) => c.villageId === v.id)!.eligible
    const parts = scope.map((v) =>
      tableDocument(votersSpec({ ...h, notice: this.voterNotice(v), objectionDays, total: eligible(v) }), this.voters.listed(v.id))
    )
    if (parts.length === 1) return renderPdf(parts[0], pdfFonts())
    const { content: _c, footer: _f, ...base } = parts[0]
    const pdf = new IncrementalPdf(pdfFonts(), { ...base, info: { ...base.info, title: `${h.unit}选民名单` } })
    let done = 0
    for (let i = 0; i < scope.length; i++) {
      ctx?.throwIfCancelled()
      pdf.add(parts[i].content as Content[], parts[i].footer as Parameters<IncrementalPdf['add']>[1])
      done += eligible(scope[i])
      ctx?.progress(done, total, `已生成 ${scope[i].name} 的名单`)
      await yieldToEventLoop()
    }
    return pdf.finish()
  }

  private voterNotice(v: Village): VoterListNotice {
    return { village: v.name, kind: v.kind, electionDate: v.committeeElectionDate, publishedOn: this.voters.publication(v.id)?.publishedOn ?? null }
  }

  /**
   * 人选登记表: one candidate's form, or every candidate of the scope (a village, a stage, the township)
   * behind a cover list, in the order the office hands them up. Each form is read from the register
   * as it is laid out, so a batch never holds every photo at once.
   */
  private lrmxSources(): LrmxSources {
    return { store: this.store, records: this.candidates.candidates.records, villages: this.villages }
  }

  private async dossierFile(req: ExportRequest, label: string, village: Village | null, h: TableHeading, job?: BatchProgress): Promise<ExportedFile> {
    const signing: FormSigning = { reportingUnit: h.unit, filledBy: req.filledBy ?? '', filledOn: h.date }
    if (req.candidateId) {
      const candidate = this.candidates.candidates.require(req.candidateId)
      const form = this.candidates.dossier(candidate.id, signing)
      const bytes =
        req.format === 'lrmx'
          ? Buffer.from(lrmxFiles(this.lrmxSources(), [candidate.personId], signing)[0].xml, 'utf8')
          : req.format === 'docx'
            ? await renderDossierDocx({ count: 1, form: () => form })
            : await renderPdf(dossierDocument(form), pdfFonts())
      return this.fileOf(req, label, this.villages.require(candidate.villageId), bytes, h, form.name)
    }
    const scope: CandidateScope = { villageId: village?.id ?? null, stage: req.stage ?? null }
    const list = this.candidates.list(scope, '人选登记表')
    job?.progress(0, list.length, '正在准备…')
    const detail = scope.stage ?? undefined
    if (req.format === 'lrmx') {
      // One .lrmx per person, as 组织部 tools read them; the window saves one file, so they come zipped.
      const zip = await lrmxZip(lrmxFiles(this.lrmxSources(), list.map((c) => c.personId), signing))
      const file = this.fileOf(req, label, village, zip, h, detail)
      return { ...file, fileName: file.fileName.replace(/\.lrmx$/, '.zip'), mime: 'application/zip' }
    }
    const form = (i: number) => this.candidates.dossier(list[i].id, signing)
    if (req.format === 'docx') return this.fileOf(req, label, village, await renderDossierDocx({ count: list.length, form }, job), h, detail)
    const forms = {
      cover: list.map((c) => ({ name: c.name, sex: c.sex ?? '', birthDate: c.birthDate, village: c.villageName, proposedPost: proposedPost(c.villageName, c) })),
      form
    }
    const cover = { scope: `${village?.name ?? h.unit}${scope.stage ? `（${scope.stage}环节）` : ''}`, unit: h.unit, date: h.date }
    return this.fileOf(req, label, village, await renderDossierBatchOnThreads(forms, cover, pdfFonts(), job), h, detail)
  }
}
