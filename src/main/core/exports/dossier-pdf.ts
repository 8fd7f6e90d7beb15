import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { birthWithAge, chineseDate, type DossierData } from '../../../shared/dossier'
import { formYearMonth } from '../../../shared/idcard'
import { yieldToEventLoop } from '../jobs'
import type { PdfFonts } from './fonts'
import { BODY, HEADING, IncrementalPdf, pageFooter, type PartsBase } from './pdf'

export const DOSSIER_TITLE = '村(社区)“两委”换届人选登记表'

/**
 * The cadre-form grid (干部任免审批表 shape) on A4 portrait: seven columns, the photo box top right
 * spanning the first four rows, 简历 as one tall cell. Widths add up to the printable width.
 */
const WIDTHS = [62, 70, 52, 70, 72, 69, 100]
const MARGINS: [number, number, number, number] = [50, 34, 50, 34]
const FAMILY_ROWS = 4
const RESUME_LINES_ON_PAGE = 10
/** Minimum heights that fill one A4 page; a resume of up to about 10 lines stays on it. */
const H = { basic: 28, post: 22, resume: 124, rewards: 26, appraisal: 22, family: 17, opinion: 26, unit: 26 }

const label = (text: string, extra: Record<string, unknown> = {}): TableCell =>
  ({ text, alignment: 'center', verticalAlignment: 'middle', ...extra }) as TableCell
const value = (text: string, extra: Record<string, unknown> = {}): TableCell =>
  ({ text, alignment: 'center', verticalAlignment: 'middle', ...extra }) as TableCell
const wide = (text: string, extra: Record<string, unknown> = {}): TableCell =>
  ({ text, colSpan: 6, verticalAlignment: 'middle', ...extra }) as TableCell
const span = (): TableCell => ({}) as TableCell

function photoCell(d: DossierData): TableCell {
  const common = { rowSpan: 4, alignment: 'center', verticalAlignment: 'middle' }
  return (d.photo ? { image: d.photo, fit: [90, 118], ...common } : { text: '照\n\n片', color: '#999999', ...common }) as TableCell
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

type Rows = [TableCell[], number][]

/** The grid in three stacked tables: the fixed head, 简历 (the one row allowed to run onto the next page), the rest. */
function grid(d: DossierData): { head: Rows; resume: Rows; tail: Rows } {
  const head: Rows = [
    [[label('姓  名'), value(d.name), label('性别'), value(d.sex), label(L.birth), value(birthWithAge(d).replace('(', '\n(')), photoCell(d)], H.basic],
    [[label('民  族'), value(d.ethnicity), label('籍贯'), value(d.nativePlace), label('出生地'), value(d.birthPlace), span()], H.basic],
    [
      [label(L.party), value(formYearMonth(d.partyJoinDate)), label(L.work), value(formYearMonth(d.workStartDate)), label('健康状况'), value(d.health), span()],
      H.basic
    ],
    [[label(L.title), value(d.professionalTitle, { colSpan: 2 }), span(), label(L.specialty), value(d.specialty, { colSpan: 2 }), span(), span()], H.basic],
    [
      [
        label(L.edu, { rowSpan: 2 }),
        label(L.fullTime),
        value([d.fullTime.level, d.fullTime.degree].filter(Boolean).join('\n'), { colSpan: 2 }),
        span(),
        label(L.school),
        value(d.fullTime.school, { colSpan: 2 }),
        span()
      ],
      H.basic
    ],
    [
      [
        span(),
        label(L.partTime),
        value([d.partTime.level, d.partTime.degree].filter(Boolean).join('\n'), { colSpan: 2 }),
        span(),
        label(L.school),
        value(d.partTime.school, { colSpan: 2 }),
        span()
      ],
      H.basic
    ],
    [[label('现任职务'), wide(d.currentPost), span(), span(), span(), span(), span()], H.post],
    [[label('拟任职务'), wide(d.proposedPost), span(), span(), span(), span(), span()], H.post]
  ]
  const resume: Rows = [
    [
      [
        { text: '简\n\n\n\n历', alignment: 'center', margin: [0, 40, 0, 0] } as TableCell,
        wide(d.resume.length ? d.resume.join('\n') : ' ', { verticalAlignment: 'top', lineHeight: 1.05, margin: [4, 3, 4, 3] }),
        span(),
        span(),
        span(),
        span(),
        span()
      ],
      // A resume too long for one page sets its own height, so its continuation ends with its last line.
      d.resume.length > RESUME_LINES_ON_PAGE ? 0 : H.resume
    ]
  ]
  const rows: Rows = [
    [[label('奖惩\n情况'), wide(d.rewards || '无'), span(), span(), span(), span(), span()], H.rewards],
    [[label('年度考\n核结果'), wide(d.appraisal), span(), span(), span(), span(), span()], H.appraisal]
  ]
  const family = [...d.family]
  const familyRows = Math.max(FAMILY_ROWS, family.length)
  rows.push([
    [
      label('家庭主要\n成员及\n重要社会\n关系', { rowSpan: familyRows + 1 }),
      label('称谓'),
      label('姓名'),
      label('出生年月'),
      label('政治面貌'),
      label('工作单位及职务', { colSpan: 2 }),
      span()
    ],
    H.family
  ])
  for (let i = 0; i < familyRows; i++) {
    const f = family[i]
    rows.push([
      [
        span(),
        value(f?.relation ?? ''),
        value(f?.name ?? ''),
        value(formYearMonth(f?.birthDate)),
        value(f?.politicalStatus ?? ''),
        value(f?.workplace ?? '', { colSpan: 2, alignment: 'left' }),
        span()
      ],
      H.family
    ])
  }
  rows.push(
    [[label('资格联审\n意见'), wide(d.reviewResult), span(), span(), span(), span(), span()], H.opinion],
    [[label('考察\n意见'), wide(d.inspectionResult), span(), span(), span(), span(), span()], H.opinion],
    [[label('会审\n意见'), wide(d.jointReviewResult), span(), span(), span(), span(), span()], H.opinion],
    [
      [
        label('呈报\n单位'),
        value(d.reportingUnit, { colSpan: 3 }),
        span(),
        span(),
        label('（盖章）', { colSpan: 3, alignment: 'right', color: '#555555' }),
        span(),
        span()
      ],
      H.unit
    ]
  )
  return { head, resume, tail: rows }
}

const LAYOUT = { paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => 2, paddingBottom: () => 2 }

/** Stacked tables overlap by one line width so that their shared border is drawn once. */
const part = (rows: Rows, breakable: boolean, first: boolean): Content => ({
  table: { widths: WIDTHS, heights: rows.map((r) => r[1]), body: rows.map((r) => r[0]), dontBreakRows: !breakable },
  layout: LAYOUT,
  margin: [0, first ? 0 : -1, 0, 0]
})

/** One 人选登记表; a long 简历 lets its row run onto the next page, the grid carried on there. */
export function dossierContent(d: DossierData, first: boolean): Content[] {
  const { head, resume, tail } = grid(d)
  return [
    { text: DOSSIER_TITLE, style: 'dossierTitle', pageBreak: first ? undefined : 'before' },
    part(head, false, true),
    part(resume, true, false),
    part(tail, false, false),
    {
      columns: [
        { text: `填表人：${d.filledBy}`, alignment: 'left' },
        { text: `填表时间：${chineseDate(d.filledOn)}`, alignment: 'right' }
      ],
      margin: [4, 6, 4, 0]
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
    defaultStyle: { font: BODY, fontSize: 10.5, lineHeight: 0.92 },
    styles: {
      dossierTitle: { font: HEADING, fontSize: 17, bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
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
        body: [
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
        ]
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
 * Many forms in one PDF: the cover list, then each form in order. Each form is laid out on its own
 * (its pages numbered "第 1 页 共 2 页" within the form, as forms are handed in one by one), with a
 * chance to report progress and to be cancelled between forms.
 */
export async function renderDossierBatch(
  forms: DossierData[] | FormSource,
  cover: CoverInfo,
  fonts: PdfFonts,
  job?: BatchProgress
): Promise<Buffer> {
  const source: FormSource = Array.isArray(forms) ? { cover: forms, form: (i) => forms[i] } : forms
  const total = source.cover.length
  const pdf = new IncrementalPdf(fonts, documentBase(`${cover.scope}${DOSSIER_TITLE}`))
  pdf.add(coverContent(source.cover, cover), pageFooter(10))
  for (let i = 0; i < total; i++) {
    job?.throwIfCancelled()
    pdf.add(dossierContent(source.form(i), true), pageFooter(10))
    job?.progress(i + 1, total, `已生成 ${i + 1} / ${total} 份`)
    await yieldToEventLoop()
  }
  return pdf.finish()
}
