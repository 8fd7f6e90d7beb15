import { AlignmentType, Document, ImageRun, Packer, PageBreak, Paragraph, TableCell, TableRow, HeightRule, VerticalAlignTable, type ISectionOptions } from 'docx'
import { birthWithAge, chineseDate, type DossierData } from '../../../shared/dossier'
import { formYearMonth } from '../../../shared/idcard'
import { yieldToEventLoop } from '../jobs'
import type { BatchProgress } from './dossier-pdf'
import { batchMessage, DOSSIER_TITLE } from './dossier-pdf'
import { a4Section, cell, documentStyles, lines, row, spreadLine, table as gridTable, titleParagraph, twip, type CellOptions } from './docx-parts'

/**
 * The 人选登记表 as a Word document an office edits and prints again: the PDF's grid in real table cells
 * (the same seven columns, merged where the form merges), 仿宋 for the form, 宋体 for its title, the photo
 * in its cell. Page 1 holds the person and 简历, page 2 the record, the family and the seals.
 */

/** Column widths in points, as the PDF's (with their padding): 539 pt across. */
const COLUMNS = [67, 75, 57, 75, 77, 74, 106]
const H = { basic: 28, post: 22, resume: 440, rewards: 60, appraisal: 34, reason: 44, family: 18, opinion: 34, seal: 74 }
const FAMILY_ROWS = 7
/** The photo box less a little margin, at 4:5, in pixels (96 per inch) as docx measures images. */
const PHOTO_PX = { width: 112, height: 140 }

const wide = (text: string, o: CellOptions = {}) => cell(text, { span: 6, align: AlignmentType.LEFT, ...o })
const table = (rows: TableRow[]) => gridTable(rows, COLUMNS)

function photoCell(d: DossierData): TableCell {
  if (!d.photo) return cell('照\n\n片', { rowSpan: 4 })
  const [head, data] = d.photo.split(',')
  const run = new ImageRun({ type: head.includes('png') ? 'png' : 'jpg', data: Buffer.from(data, 'base64'), transformation: PHOTO_PX })
  return new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run] })], rowSpan: 4, verticalAlign: VerticalAlignTable.CENTER, margins: { left: 0, right: 0, top: 0, bottom: 0 } })
}

const edu = (e: DossierData['fullTime']) => [e.level, e.degree].filter(Boolean).join('\n')

function sealCell(text: string, span: number): TableCell {
  return new TableCell({
    columnSpan: span,
    verticalAlign: VerticalAlignTable.TOP,
    children: [
      ...lines(text || ' ', { align: AlignmentType.LEFT }),
      ...lines('\n（盖章）', { align: AlignmentType.RIGHT }),
      ...lines('年    月    日', { align: AlignmentType.RIGHT })
    ]
  })
}

/** One form as a section of its own: a new page, the head and 简历, a page break, the rest. */
export function dossierSection(d: DossierData): ISectionOptions {
  const head = table([
    row([cell('姓  名'), cell(d.name), cell('性别'), cell(d.sex), cell('出生年月\n(岁)'), cell(birthWithAge(d).replace('(', '\n(')), photoCell(d)], H.basic),
    row([cell('民  族'), cell(d.ethnicity), cell('籍贯'), cell(d.nativePlace), cell('出生地'), cell(d.birthPlace)], H.basic),
    row([cell('入党\n时间'), cell(formYearMonth(d.partyJoinDate)), cell('参加工\n作时间'), cell(formYearMonth(d.workStartDate)), cell('健康状况'), cell(d.health)], H.basic),
    row([cell('专业技\n术职务'), cell(d.professionalTitle, { span: 2 }), cell('熟悉专业\n有何专长'), cell(d.specialty, { span: 2 })], H.basic),
    row([cell('学  历\n学  位', { rowSpan: 2 }), cell('全日制\n教  育'), cell(edu(d.fullTime), { span: 2 }), cell('毕业院校\n系及专业'), cell(d.fullTime.school, { span: 2 })], H.basic),
    row([cell('在  职\n教  育'), cell(edu(d.partTime), { span: 2 }), cell('毕业院校\n系及专业'), cell(d.partTime.school, { span: 2 })], H.basic),
    row([cell('现任职务'), wide(d.currentPost)], H.post),
    row([cell('拟任职务'), wide(d.proposedPost)], H.post),
    row([cell('拟免职务'), wide(d.dismissedPost)], H.post),
    new TableRow({
      children: [cell('简\n\n\n\n历'), wide(d.resume.join('\n') || ' ', { top: true })],
      height: { value: twip(H.resume), rule: HeightRule.ATLEAST }
    })
  ])
  const family = Array.from({ length: Math.max(FAMILY_ROWS, d.family.length) }, (_, i) => d.family[i])
  const rest = table([
    row([cell('奖惩\n情况'), wide(d.rewards || '无', { top: true })], H.rewards),
    row([cell('年度考\n核结果'), wide(d.appraisal)], H.appraisal),
    row([cell('任免\n理由'), wide(d.appointmentReason, { top: true })], H.reason),
    row([cell('资格联审\n意见'), wide(d.reviewResult)], H.opinion),
    row([cell('考察\n意见'), wide(d.inspectionResult)], H.opinion),
    row([cell('会审\n意见'), wide(d.jointReviewResult)], H.opinion)
  ])
  // Its own table, so that Word repeats the header row (with the block's label) on a new page.
  const relatives = table([
    row(
      [cell('家庭主要\n成员及\n重要社会\n关系', { rowSpan: family.length + 1 }), cell('称谓'), cell('姓名'), cell('出生年月'), cell('政治面貌'), cell('工作单位及职务', { span: 2 })],
      H.family,
      true
    ),
    ...family.map((f) =>
      row(
        [cell(f?.relation ?? ''), cell(f?.name ?? ''), cell(formYearMonth(f?.birthDate)), cell(f?.politicalStatus ?? ''), cell(f?.workplace ?? '', { span: 2, align: AlignmentType.LEFT })],
        H.family
      )
    )
  ])
  const seals = table([
    row([cell('呈报\n单位'), sealCell(d.reportingUnit, 6)], H.seal),
    row([cell('审批机\n关意见'), sealCell('', 2), cell('行政任免\n机关意见'), sealCell('', 3)], H.seal)
  ])
  return a4Section('portrait', { top: 34, side: 28 }, [
      titleParagraph(DOSSIER_TITLE),
      head,
      new Paragraph({ children: [new PageBreak()] }),
      rest,
      relatives,
      seals,
      spreadLine(`填表人：${d.filledBy}`, `填表时间：${chineseDate(d.filledOn)}`, 539, { before: 120 })
  ])
}

/**
 * One form or many in one document: a section per person, so each form starts on a new page and keeps
 * its own photo; the forms are read one at a time, with progress and cancel between them.
 */
export async function renderDossierDocx(forms: { count: number; form(i: number): DossierData }, job?: BatchProgress): Promise<Buffer> {
  const sections: ISectionOptions[] = []
  for (let i = 0; i < forms.count; i++) {
    job?.throwIfCancelled()
    sections.push(dossierSection(forms.form(i)))
    job?.progress(i + 1, forms.count, batchMessage(i + 1, forms.count))
    if (i % 20 === 19) await yieldToEventLoop()
  }
  const doc = new Document({ creator: '换届工作台', title: DOSSIER_TITLE, styles: documentStyles, sections })
  return Packer.toBuffer(doc)
}
