import type { Content } from 'pdfmake/interfaces'
import { chineseDate } from '../../../shared/dossier'
import type { Body } from '../../../shared/election-rules'
import type { ExportFormat } from '../../../shared/exports'
import { ageOn } from '../../../shared/idcard'
import { fillNotice, type NoticeKind, type NoticeTemplateText, type NoticeValues } from '../../../shared/notices'
import { failure } from '../../../shared/result'
import { byStrokes } from '../../../shared/stroke-order'
import type { Village } from '../../../shared/village'
import { committeeDateSql, partyDateSql } from '../election-days'
import type { ElectionService } from '../elections'
import type { JobContext } from '../jobs'
import { yieldToEventLoop } from '../jobs'
import type { MemberService } from '../members'
import type { NoticeTemplateService } from '../notice-templates'
import type { Store } from '../store'
import type { VillageService } from '../villages'
import type { VoterService } from '../voters'
import { educationOf } from './candidate-exports'
import { pdfFonts } from './fonts'
import { ballotSpec, printCountSpec } from './layouts/ballots'
import { roundYear, type TableHeading } from './layouts/common'
import { electedLines } from './layouts/election-report'
import * as notices from './layouts/notices'
import { committeeName, type DayVillage, type Race, type RaceCandidate } from './layouts/races'
import { tallySheetSpec } from './layouts/tally-sheets'
import { electionCommittee, votersSpec } from './layouts/voters'
import { IncrementalPdf, renderPdf } from './pdf'
import { tablesDocument } from './pdf-table'
import { renderTablesDocx } from './table-docx'
import type { TableSpec } from './table-spec'

export type DayPaper = 'ballots' | 'tally-sheets' | 'notices'

type Table = { spec: TableSpec<unknown>; rows: Iterable<unknown> }
const table = <R>(t: { spec: TableSpec<R>; rows: Iterable<R> }): Table => t as Table

interface CandidateRecord {
  name: string
  sex: string | null
  birthDate: string | null
  partyPost: string | null
  committeePost: string | null
  politicalStatus: string | null
  fullTime: string | null
  inService: string | null
}

/** The registers the papers of election day are read from. */
export interface DayPaperSources {
  villages: VillageService
  voters: VoterService
  elections: ElectionService
  members: MemberService
  templates: NoticeTemplateService
}

/**
 * The paper of election day, generated from the register: the notices a village's 选举委员会 posts, the
 * ballots (选票) of each race with their 流动票箱 variant and print count, and the count sheets (计票单). A
 * village's papers are made one village at a time, so a township's batch shows progress and can be cancelled.
 */
export class DayPapers {
  constructor(
    private readonly store: Store,
    private readonly sources: DayPaperSources
  ) {}

  /** One village's 正式候选人 by race, each race in 姓氏笔画 order. */
  dayVillage(v: Village): DayVillage {
    const dates = this.store.one<{ committeeDate: string | null; partyDate: string | null }>(
      `SELECT ${committeeDateSql('v')} AS committeeDate, ${partyDateSql('v')} AS partyDate FROM villages v WHERE v.id = ?`,
      v.id
    )!
    const records = this.store.all<CandidateRecord>(
      `SELECT p.name, p.sex, p.birth_date AS birthDate, c.party_post AS partyPost, c.committee_post AS committeePost,
         f.political_status AS politicalStatus, f.full_time_education AS fullTime, f.in_service_education AS inService
       FROM candidates c JOIN persons p ON p.id = c.person_id LEFT JOIN person_profiles f ON f.person_id = c.person_id
       WHERE c.village_id = ? AND EXISTS (SELECT 1 FROM candidate_stages s WHERE s.candidate_id = c.id AND s.stage = '确定为正式候选人' AND s.result = '通过')`,
      v.id
    )
    const person = (r: CandidateRecord, on: string | null): RaceCandidate => ({
      name: r.name,
      sex: r.sex ?? '',
      age: r.birthDate && on ? ageOn(r.birthDate, on) : null,
      education: educationOf(r.fullTime, r.inService),
      politicalStatus: r.politicalStatus ?? ''
    })
    const race = (body: Body, post: string, seats: number | null, who: CandidateRecord[], on: string | null, approvalAllowed: boolean): Race[] =>
      who.length === 0
        ? []
        : [{ body, post, seats, candidates: byStrokes(who.map((r) => person(r, on)), (c) => c.name), approval: approvalAllowed && seats !== null && who.length <= seats }]
    const party = records.filter((r) => r.partyPost !== null)
    const committee = (post: string) => records.filter((r) => r.committeePost === post)
    const deputies = committee('副主任').length > 0 ? 1 : 0
    const members = v.committeeSeats === null ? null : Math.max(0, v.committeeSeats - 1 - deputies)
    return {
      name: v.name,
      kind: v.kind,
      committeeDate: dates.committeeDate,
      partyDate: dates.partyDate,
      voters: this.sources.voters.counts(v.id).total.eligible,
      partyMembers: v.partyMembers,
      races: [
        // The Party committee first, as the round goes: its members, then 书记 and 副书记 (等额 where one stands).
        ...race('党组织', '委员', v.partySeats, party, dates.partyDate, true),
        ...race('党组织', '书记', 1, party.filter((r) => r.partyPost === '书记'), dates.partyDate, true),
        ...race('党组织', '副书记', 1, party.filter((r) => r.partyPost === '副书记'), dates.partyDate, true),
        ...race('村委会', '主任', 1, committee('主任'), dates.committeeDate, false),
        ...race('村委会', '副主任', deputies, committee('副主任'), dates.committeeDate, false),
        ...race('村委会', '委员', members, committee('委员'), dates.committeeDate, false)
      ]
    }
  }

  /** The tables of one village's paper; none when the village has nothing to print on it. */
  villageTables(paper: DayPaper, v: Village, h: TableHeading, notice: NoticeKind | null): Table[] {
    if (paper === 'notices') return this.noticeTables(notice ?? '选举日及选举方式', v, h)
    const day = this.dayVillage(v)
    if (paper === 'ballots') {
      if (day.races.length === 0) return []
      return [table(printCountSpec(h, day)), ...day.races.map((r) => table(ballotSpec(h, day, r, false))), ...day.races.map((r) => table(ballotSpec(h, day, r, true)))]
    }
    return day.races.map((r) => table(tallySheetSpec(h, day, r)))
  }

  /** What a notice's placeholders are filled with for one village. */
  noticeValues(v: Village, h: TableHeading): NoticeValues {
    const day = this.dayVillage(v)
    const publication = this.sources.voters.publication(v.id)
    const rules = this.sources.voters.rules()
    const main = this.mainCommitteeElection(v)
    const community = v.kind === '社区'
    return {
      村社: v.name,
      乡镇: v.township || h.unit,
      村: v.kind,
      村民: community ? '居民' : '村民',
      村民委员会: committeeName(v.kind),
      选举委员会: electionCommittee(v.kind),
      组织法: community ? '《中华人民共和国城市居民委员会组织法》' : '《中华人民共和国村民委员会组织法》',
      年度: roundYear(h),
      选举日: day.committeeDate ? chineseDate(day.committeeDate) : '',
      公布日期: publication ? chineseDate(publication.publishedOn) : '',
      选民人数: String(day.voters),
      职数: v.committeeSeats === null ? '' : String(v.committeeSeats),
      申诉天数: String(rules.objectionDays),
      委托上限: String(rules.proxyLimit),
      参加投票人数: main ? String(main.returned) : '',
      登记选民数: main ? String(main.registered) : ''
    }
  }

  private mainCommitteeElection(v: Village) {
    const body = this.sources.elections.villageReport(v.id).bodies.find((b) => b.body === '村委会')
    return body?.elections.filter((e) => e.round === '正式选举').at(-1) ?? body?.elections.at(-1)
  }

  /** One notice of one village, in the office's wording (or the given one, for a preview); none where it has nothing to list. */
  noticeTables(kind: NoticeKind, v: Village, h: TableHeading, wording: NoticeTemplateText = this.sources.templates.current(kind)): Table[] {
    const values = this.noticeValues(v, h)
    const f: notices.NoticeFrame = {
      kind,
      title: fillNotice(wording.title, values),
      lead: fillNotice(wording.body, values),
      village: v.name,
      villageKind: v.kind,
      unit: h.unit,
      date: h.date,
      issuedOn: null
    }
    const voters = this.sources.voters
    switch (kind) {
      case '选举日及选举方式':
        return [notices.textNotice(f)]
      case '选举委员会组成':
        return [notices.committeeMembersNotice(f)]
      case '投票站及流动票箱':
        return [notices.stationsNotice(f)]
      case '唱票计票监票人员':
        return [notices.countersNotice(f)]
      case '选民名单': {
        const total = Number(values.选民人数)
        if (total === 0) return []
        const publishedOn = voters.publication(v.id)?.publishedOn ?? null
        const base = votersSpec({ ...h, notice: { village: v.name, kind: v.kind, electionDate: this.dayVillage(v).committeeDate, publishedOn }, objectionDays: voters.rules().objectionDays, total })
        return [table({ spec: { ...base, title: f.title, lead: f.lead, note: `共计 ${total} 人。` }, rows: voters.listed(v.id) })]
      }
      case '选民名单补正': {
        const changes = voters.changes(v.id)
        return changes.length === 0 ? [] : [notices.changesNotice(f, changes)]
      }
      case '候选人名单': {
        const lines = this.dayVillage(v)
          .races.filter((r) => r.body === '村委会')
          .flatMap((r) => r.candidates.map((c) => ({ ...c, post: r.post })))
        return lines.length === 0 ? [] : [notices.candidatesNotice(f, lines)]
      }
      case '委托投票名单': {
        const proxies = voters.proxies(v.id)
        return proxies.length === 0 ? [] : [notices.proxiesNotice({ ...f, note: `共计 ${proxies.length} 人委托投票。` }, proxies)]
      }
      case '选举结果': {
        const body = this.sources.elections.villageReport(v.id).bodies.find((b) => b.body === '村委会')
        if (!body || body.elected.length === 0) return []
        const seats = this.sources.members.roster({ term: '本届', villageId: v.id })
        return [notices.resultNotice({ ...f, issuedOn: this.mainCommitteeElection(v)?.heldOn ?? null }, electedLines(body.elected, body.elections, seats))]
      }
    }
  }

  /**
   * The paper for one village or every village, as one file: Word as one document, PDF one village at a time
   * (progress and cancel between villages). Villages with nothing to print are left out; none at all is refused.
   */
  async render(paper: DayPaper, format: ExportFormat, village: Village | null, h: TableHeading, notice: NoticeKind | null, ctx?: JobContext): Promise<Buffer> {
    const scope = village ? [village] : this.sources.villages.list()
    ctx?.progress(0, scope.length, '正在准备…')
    const parts: { village: Village; tables: Table[] }[] = []
    for (const v of scope) {
      const tables = this.villageTables(paper, v, h, notice)
      if (tables.length > 0) parts.push({ village: v, tables })
    }
    if (parts.length === 0) throw failure('empty', `${village ? `“${village.name}”` : ''}${EMPTY[paper](notice)}`)
    if (format === 'docx') return renderTablesDocx(parts.flatMap((p) => p.tables), parts[0].tables[0].spec.title)
    if (format !== 'pdf') throw failure('validation', '选票、计票单和公告只能导出为 PDF 或 Word')
    if (parts.length === 1) return renderPdf(tablesDocument(parts[0].tables, pdfFonts()), pdfFonts())
    let pdf: IncrementalPdf | null = null
    for (let i = 0; i < parts.length; i++) {
      ctx?.throwIfCancelled()
      const doc = tablesDocument(parts[i].tables, pdfFonts())
      const { content, footer, ...base } = doc
      pdf ??= new IncrementalPdf(pdfFonts(), { ...base, info: { ...base.info, title: `${h.unit}${parts[0].tables[0].spec.sheetName}` } })
      pdf.add(content as Content[], footer as Parameters<IncrementalPdf['add']>[1])
      ctx?.progress(i + 1, parts.length, `已生成 ${parts[i].village.name}`)
      await yieldToEventLoop()
    }
    return pdf!.finish()
  }
}

const EMPTY: Record<DayPaper, (notice: NoticeKind | null) => string> = {
  ballots: () => '还没有确定正式候选人（须记录“确定为正式候选人”环节通过），无法生成选票',
  'tally-sheets': () => '还没有确定正式候选人（须记录“确定为正式候选人”环节通过），无法生成计票单',
  notices: (n) => `没有可列入“${n ?? '公告'}”的内容（${n === '选举结果' ? '尚未录入选举结果' : n === '候选人名单' ? '尚未确定正式候选人' : n === '委托投票名单' ? '尚未登记委托投票' : n === '选民名单补正' ? '选民名单公布后没有补正' : '尚无选民'}）`
}
