import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { birthWithAge, chineseDate, type DossierData } from '../../../shared/dossier'
import { formYearMonth } from '../../../shared/idcard'
import { yieldToEventLoop } from '../jobs'
import type { PdfFonts } from './fonts'
import { BODY, HEADING, IncrementalPdf, pageFooter, type PartsBase } from './pdf'
import { unbreakTableBody, unbrokenText } from './pdf-unbroken'

export const DOSSIER_TITLE = '村(社区)“两委”换届人选登记表'

/**
 * The 干部任免审批表 grid on A4 portrait: seven columns, the photo box top right spanning the first four
 * rows. Page 1 holds the person and 简历; page 2 starts at 奖惩情况 and ends with the seals, as the printed
 * form is one sheet, both sides.
 */
const MARGINS: [number, number, number, number] = [28, 34, 28, 34]
/** pdfmake widths leave out each cell's padding (3 + 3) and the eight rules: 489 + 7 × 6 + 8 = 539 of A4's 595 less margins. */
const WIDTHS = [61, 69, 51, 69, 71, 68, 100]
const FAMILY_ROWS = 7
const FONT_SIZE = 10.5
const TITLE_SIZE = 17
/** The width inside the margins: the seven columns with their padding and rules. */
const PAGE_WIDTH = 539
const H = { basic: 28, post: 22, resume: 440, rewards: 60, appraisal: 34, reason: 44, family: 18, opinion: 34, seal: 74 }
/** One 简历 line as pdfmake sets it (measured): Noto Serif SC's tall line box at 10.5 pt × 0.92 × 1.05. */
const RESUME_LINE = 15.85
/** 简历 lines that fit the page-1 box, less its inner margins and padding. */
const RESUME_LINES_ON_PAGE = Math.floor((H.resume - 10) / RESUME_LINE)
const PADDING = 2
/** The photo stays inside its box: four basic rows high, the last column wide, less the cell padding. */
const PHOTO_BOX: [number, number] = [WIDTHS[6] - 2 * 3 - 4, 4 * H.basic - 2 * PADDING - 4]

const label = (text: string, extra: Record<string, unknown> = {}): TableCell =>
  ({ text, alignment: 'center', verticalAlignment: 'middle', ...extra }) as TableCell
const value = label
const wide = (text: string, extra: Record<string, unknown> = {}): TableCell =>
  ({ text, colSpan: 6, verticalAlignment: 'middle', ...extra }) as TableCell
const span = (): TableCell => ({}) as TableCell
const spans = (n: number): TableCell[] => Array.from({ length: n }, span)

function photoCell(d: DossierData): TableCell {
  // pdfmake's verticalAlignment misplaces a cell spanning rows (it centres on the whole table's height), so the
  // photo hangs from the top of its box and the placeholder is set down by hand.
  const common = { rowSpan: 4, alignment: 'center' }
  return (d.photo
    ? { image: d.photo, fit: PHOTO_BOX, margin: [0, 2, 0, 0], ...common }
    : { text: '照\n\n片', color: '#999999', margin: [0, 30, 0, 0], ...common }) as TableCell
}

/** Label text the form breaks over two lines so that the label column stays narrow. */
const L = {
  birth: '出生年月\n(岁)',
  party: '入党\n时间',
  work: '参加工\n作时间',
  title: '专业技\n术职务',
  specialty: '熟悉专业\n有何专长',
  edu: '学  历\n学  位',
  fullTime: '全日制\n教  育',
  partTime: '在  职\n教  育',
  school: '毕业院校\n系及专业'
}

/** What a seal box holds: the text of the opinion, then (盖章) and a date line at its foot, right-aligned. */
function sealBox(text: string, date: string, colSpan: number): TableCell {
  return {
    colSpan,
    verticalAlignment: 'top',
    margin: [4, 3, 4, 3],
    stack: [
      { text: text || ' ', alignment: 'left' },
      { text: '（盖章）', alignment: 'right', color: '#555555', margin: [0, 14, 12, 0] },
      { text: date, alignment: 'right', margin: [0, 2, 4, 0] }
    ]
  } as TableCell
}

/** A date for the clerk to write in by hand. */
const BLANK_DATE = '年    月    日'

type Rows = [TableCell[], number][]

function headRows(d: DossierData): Rows {
  const edu = (e: DossierData['fullTime'], first: boolean, name: string): TableCell[] => [
    first ? label(L.edu, { rowSpan: 2 }) : span(),
    label(name),
    value([e.level, e.degree].filter(Boolean).join('\n'), { colSpan: 2 }),
    span(),
    label(L.school),
    value(e.school, { colSpan: 2 }),
    span()
  ]
  return [
    [[label('姓  名'), value(d.name), label('性别'), value(d.sex), label(L.birth), value(birthWithAge(d).replace('(', '\n(')), photoCell(d)], H.basic],
    [[label('民  族'), value(d.ethnicity), label('籍贯'), value(d.nativePlace), label('出生地'), value(d.birthPlace), span()], H.basic],
    [
      [label(L.party), value(formYearMonth(d.partyJoinDate)), label(L.work), value(formYearMonth(d.workStartDate)), label('健康状况'), value(d.health), span()],
      H.basic
    ],
    [[label(L.title), value(d.professionalTitle, { colSpan: 2 }), span(), label(L.specialty), value(d.specialty, { colSpan: 2 }), span(), span()], H.basic],
    [edu(d.fullTime, true, L.fullTime), H.basic],
    [edu(d.partTime, false, L.partTime), H.basic],
    [[label('现任职务'), wide(d.currentPost), ...spans(5)], H.post],
    [[label('拟任职务'), wide(d.proposedPost), ...spans(5)], H.post],
    [[label('拟免职务'), wide(d.dismissedPost), ...spans(5)], H.post]
  ]
}

function resumeRows(d: DossierData): Rows {
  return [
    [
      [
        { text: '简\n\n\n\n历', alignment: 'center', margin: [0, 60, 0, 0] } as TableCell,
        wide(d.resume.length ? d.resume.join('\n') : ' ', { verticalAlignment: 'top', lineHeight: 1.05, margin: [4, 3, 4, 3] }),
        ...spans(5)
      ],
      // A resume too long for page 1 sets its own height, so its continuation ends with its last line.
      d.resume.length > RESUME_LINES_ON_PAGE ? 0 : H.resume
    ]
  ]
}

/** 奖惩情况 to the vetting opinions: rows that may part between pages, each row whole. */
function recordRows(d: DossierData): Rows {
  return [
    [[label('奖惩\n情况'), wide(d.rewards || '无', { verticalAlignment: 'top', margin: [4, 3, 4, 3] }), ...spans(5)], H.rewards],
    [[label('年度考\n核结果'), wide(d.appraisal), ...spans(5)], H.appraisal],
    [[label('任免\n理由'), wide(d.appointmentReason, { verticalAlignment: 'top', margin: [4, 3, 4, 3] }), ...spans(5)], H.reason],
    [[label('资格联审\n意见'), wide(d.reviewResult), ...spans(5)], H.opinion],
    [[label('考察\n意见'), wide(d.inspectionResult), ...spans(5)], H.opinion],
    [[label('会审\n意见'), wide(d.jointReviewResult), ...spans(5)], H.opinion]
  ]
}

/**
 * 家庭主要成员及重要社会关系: its own table whose header row (with the block's label) is repeated on a
 * new page, so the columns are never without their names and the label never sits beside another row.
 */
function familyTable(d: DossierData): Content {
  const rows = Math.max(FAMILY_ROWS, d.family.length)
  const header: TableCell[] = [
    // pdfmake does not centre a cell spanning rows: the label is set from the top by hand (four lines of 13.9 pt).
    { text: '家庭主要\n成员及\n重要社会\n关系', alignment: 'center', rowSpan: rows + 1, margin: [0, ((rows + 1) * H.family - 4 * 13.9) / 2, 0, 0] } as TableCell,
    label('称谓'),
    label('姓名'),
    label('出生年月'),
    label('政治面貌'),
    label('工作单位及职务', { colSpan: 2 }),
    span()
  ]
  const body: TableCell[][] = [header]
  for (let i = 0; i < rows; i++) {
    const f = d.family[i]
    body.push([
      span(),
      value(f?.relation ?? ''),
      value(f?.name ?? ''),
      value(formYearMonth(f?.birthDate)),
      value(f?.politicalStatus ?? ''),
      value(f?.workplace ?? '', { colSpan: 2, alignment: 'left' }),
      span()
    ])
  }
  return {
    table: { widths: WIDTHS, headerRows: 1, dontBreakRows: true, heights: body.map(() => H.family), body: unbreakTableBody(body, WIDTHS, FONT_SIZE) },
    layout: LAYOUT,
    margin: [0, -1, 0, 0]
  }
}

/** 呈报单位, 审批机关意见, 行政任免机关意见: each with its seal and date. */
function sealRows(d: DossierData): Rows {
  return [
    [[label('呈报\n单位'), sealBox(d.reportingUnit, BLANK_DATE, 6), ...spans(5)], H.seal],
    [[label('审批机\n关意见'), sealBox('', BLANK_DATE, 2), span(), label('行政任免\n机关意见'), sealBox('', BLANK_DATE, 3), span(), span()], H.seal]
  ]
}

const LAYOUT = { paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => PADDING, paddingBottom: () => PADDING }

/** Stacked tables overlap by one line width so that their shared border is drawn once. */
const part = (rows: Rows, breakable: boolean, first: boolean): Content => ({
  table: { widths: WIDTHS, heights: rows.map((r) => r[1]), body: unbreakTableBody(rows.map((r) => r[0]), WIDTHS, FONT_SIZE), dontBreakRows: !breakable },
  layout: LAYOUT,
  margin: [0, first ? 0 : -1, 0, 0]
})

/**
 * One form. A long 简历 runs onto the next page and the record follows it there; otherwise the record
 * starts page 2. The family table, the seals and the 填表人 line are kept together, so no page holds
 * the seals alone.
 */
export function dossierContent(d: DossierData, first: boolean): Content[] {
  const overflow = d.resume.length > RESUME_LINES_ON_PAGE
  const records = part(recordRows(d), false, false) as object
  return [
    { text: unbrokenText(DOSSIER_TITLE, PAGE_WIDTH, TITLE_SIZE), style: 'dossierTitle', pageBreak: first ? undefined : 'before' },
    part(headRows(d), false, true),
    part(resumeRows(d), true, false),
    (overflow ? records : { ...records, pageBreak: 'before', margin: [0, 0, 0, 0] }) as Content,
    {
      unbreakable: true,
      stack: [
        familyTable(d),
        part(sealRows(d), false, false),
        {
          columns: [
            { text: unbrokenText(`填表人：${d.filledBy}`, PAGE_WIDTH / 2 - 4, FONT_SIZE), alignment: 'left' },
            { text: unbrokenText(`填表时间：${chineseDate(d.filledOn)}`, PAGE_WIDTH / 2 - 4, FONT_SIZE), alignment: 'right' }
          ],
          margin: [4, 6, 4, 0]
        }
      ]
    }
  ]
}

function documentBase(title: string): PartsBase {
  return {
    info: { title, creator: '换届工作台', producer: '换届工作台' },
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    // Noto Serif SC's line box is tall; a slightly tighter one keeps two-line labels inside their rows.
    defaultStyle: { font: BODY, fontSize: FONT_SIZE, lineHeight: 0.92 },
    styles: {
      dossierTitle: { font: HEADING, fontSize: TITLE_SIZE, bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
      coverTitle: { font: HEADING, fontSize: 18, bold: true, alignment: 'center', margin: [0, 30, 0, 8] },
      head: { font: HEADING, bold: true, alignment: 'center', fillColor: '#f2f2f2' }
    }
  }
}

export function dossierDocument(d: DossierData): TDocumentDefinitions {
  return { ...documentBase(`${d.name} ${DOSSIER_TITLE}`), footer: pageFooter(10), content: dossierContent(d, true) }
}

export interface CoverInfo {
  /** What the batch holds: "东岭村" or "青山镇". */
  scope: string
  unit: string
  date: string
}

/** The cover's columns as pdfmake sets them: the two '*' columns share what is left of 539 pt (less padding and rules), at least 140 each. */
const COVER_WIDTHS = [32, 70, 34, 62, 140, 140]

/** The cover list of a batch: every person in the order of the forms that follow. */
export function coverContent(list: CoverRow[], cover: CoverInfo): Content[] {
  const head = (text: string): TableCell => ({ text, style: 'head' }) as TableCell
  return [
    { text: `${cover.scope}${DOSSIER_TITLE}`, style: 'coverTitle' },
    { text: `（共 ${list.length} 人）`, alignment: 'center', margin: [0, 0, 0, 10] },
    {
      columns: [
        { text: `填报单位（盖章）：${cover.unit}`, alignment: 'left' },
        { text: `日期：${chineseDate(cover.date)}`, alignment: 'right' }
      ],
      margin: [0, 0, 0, 6]
    },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [32, 70, 34, 62, '*', '*'],
        body: unbreakTableBody([
          [head('序号'), head('姓名'), head('性别'), head('出生年月'), head('所在村(社区)'), head('拟任职务')],
          ...list.map(
            (d, i) =>
              [
                { text: String(i + 1), alignment: 'center' },
                { text: d.name, alignment: 'center' },
                { text: d.sex, alignment: 'center' },
                { text: formYearMonth(d.birthDate), alignment: 'center' },
                { text: d.village },
                { text: d.proposedPost }
              ] as TableCell[]
          )
        ], COVER_WIDTHS, FONT_SIZE)
      },
      layout: { paddingTop: () => 3, paddingBottom: () => 3 }
    }
  ]
}

/** What the cover list shows of each form. */
export type CoverRow = Pick<DossierData, 'name' | 'sex' | 'birthDate' | 'village' | 'proposedPost'>

/** The forms of a batch, each made only when it is laid out, so a batch never holds them all. */
export interface FormSource {
  cover: CoverRow[]
  form(index: number): DossierData
}

export interface BatchProgress {
  progress(done: number, total: number, message: string): void
  throwIfCancelled(): void
}

/**
 * Forms laid out one at a time into one PDF: the cover list (when given), then each form in order. Each form
 * is laid out on its own, its pages numbered "第 1 页 共 2 页" within the form, as forms are handed in one
 * by one. The same writer runs in process and on each thread of a large batch (dossier-pdf-threads.ts).
 */
export class DossierPdfWriter {
  private readonly pdf: IncrementalPdf

  constructor(fonts: PdfFonts, title: string) {
    this.pdf = new IncrementalPdf(fonts, documentBase(title))
  }

  cover(list: CoverRow[], cover: CoverInfo): void {
    this.pdf.add(coverContent(list, cover), pageFooter(10))
  }

  form(d: DossierData): void {
    this.pdf.add(dossierContent(d, true), pageFooter(10))
  }

  finish(): Promise<Buffer> {
    return this.pdf.finish()
  }
}

export const batchTitle = (cover: CoverInfo): string => `${cover.scope}${DOSSIER_TITLE}`

/** Many forms in one PDF on this thread, with a chance to report progress and to be cancelled between forms. */
export async function renderDossierBatch(
  forms: DossierData[] | FormSource,
  cover: CoverInfo,
  fonts: PdfFonts,
  job?: BatchProgress
): Promise<Buffer> {
  const source: FormSource = Array.isArray(forms) ? { cover: forms, form: (i) => forms[i] } : forms
  const total = source.cover.length
  const writer = new DossierPdfWriter(fonts, batchTitle(cover))
  writer.cover(source.cover, cover)
  for (let i = 0; i < total; i++) {
    job?.throwIfCancelled()
    writer.form(source.form(i))
    job?.progress(i + 1, total, batchMessage(i + 1, total))
    await yieldToEventLoop()
  }
  return writer.finish()
}

export const batchMessage = (done: number, total: number): string => `已生成 ${done} / ${total} 份`
