import crypto from 'node:crypto'
import { personRecordInput, type PersonRecordData } from '../../../shared/cadre'
import { checkIdNumber } from '../../../shared/idcard'
import type { ImportProblem, PreviewRow, RowAction } from '../../../shared/import'
import type { LrmxPreview, LrmxSummary } from '../../../shared/lrmx-import'
import { failure } from '../../../shared/result'
import { readLrmx, type LrmxPerson } from '../exports/lrmx'
import type { PersonRecordService } from '../person-records'
import { normalizePhoto } from '../photos'
import type { Store } from '../store'

export interface LrmxFile {
  name: string
  bytes: Buffer
}

interface Planned {
  file: string
  person: LrmxPerson
  record: PersonRecordData
  photo: Buffer | null
  action: RowAction
  targetId: number | null
}

/** A set of files read and checked, kept between preview and commit. */
export interface LrmxAnalysis {
  id: string
  files: string[]
  planned: Planned[]
  problems: ImportProblem[]
  /** The register's change mark the plan was made against. */
  mark: string
}

const KEEP = 4

/**
 * 干部任免审批表 files (.lrmx) into the person register, as a roster is imported: every file read and checked
 * first (preview, with each problem naming its file and field), then all written in one transaction with one
 * audit entry, or none. A person is found by 公民身份号码, else by 姓名 + 出生年月.
 */
export class LrmxImport {
  private readonly analyses = new Map<string, LrmxAnalysis>()

  constructor(
    private readonly store: Store,
    private readonly records: PersonRecordService
  ) {}

  async read(files: LrmxFile[]): Promise<{ analysis: LrmxAnalysis; preview: LrmxPreview }> {
    const problems: ImportProblem[] = []
    const built: { file: string; person: LrmxPerson; record: PersonRecordData; photo: Buffer | null }[] = []
    const seen = new Map<string, number>()
    for (const [i, f] of files.entries()) {
      const row = i + 1
      const problem = (field: string, message: string) => problems.push({ row, column: '', header: `${f.name} · ${field}`, message })
      const read = readLrmx(f.bytes)
      if (!read.ok) {
        for (const p of read.problems) problem(p.field, p.message)
        continue
      }
      const p = read.person
      let idNumber: string | null = null
      if (p.idNumber) {
        const id = checkIdNumber(p.idNumber)
        if (!id.ok) {
          problem('公民身份号码', `${p.name}：${id.reason}`)
          continue
        }
        idNumber = id.idNumber
        if (p.birthMonth && !id.birthDate.startsWith(p.birthMonth)) {
          problem('出生年月', `${p.name}：出生年月 ${p.birthMonth.replace('-', '.')} 与身份证号中的 ${id.birthDate.slice(0, 7).replace('-', '.')} 不一致`)
          continue
        }
        if (p.sex && p.sex !== id.sex) {
          problem('性别', `${p.name}：性别“${p.sex}”与身份证号（${id.sex}）不一致`)
          continue
        }
      }
      const key = idNumber ?? `${p.name}|${p.birthMonth}`
      if (seen.has(key)) {
        problem('姓名', `${p.name} 与第 ${seen.get(key)} 个文件是同一人，请只保留一个`)
        continue
      }
      seen.set(key, row)
      let photo: Buffer | null = null
      if (p.photo) {
        try {
          photo = await normalizePhoto(p.photo)
        } catch (e) {
          problem('照片', `${p.name}：照片无法使用（${(e as { message?: string }).message ?? '格式不对'}）`)
          continue
        }
      }
      const parsed = personRecordInput.safeParse({
        person: { idNumber, name: p.name, sex: p.sex || null, birthDate: null, ethnicity: p.ethnicity },
        profile: { ...p.profile, politicalStatus: null },
        resume: p.resume,
        family: p.family,
        tags: []
      })
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problem(issue.path.join('.'), `${p.name}：${issue.message}`)
        continue
      }
      built.push({ file: f.name, person: p, record: parsed.data, photo })
    }
    const planned = this.plan(built, (row, message) => problems.push({ row, column: '', header: files[row - 1].name, message }), files)
    const analysis: LrmxAnalysis = { id: crypto.randomUUID(), files: files.map((f) => f.name), planned, problems, mark: this.store.changeMark() }
    this.analyses.set(analysis.id, analysis)
    while (this.analyses.size > KEEP) this.analyses.delete(this.analyses.keys().next().value!)
    return { analysis, preview: this.preview(analysis) }
  }

  /** Matches each person against the register as it is now; a new person needs an ID number for a birth date. */
  private plan(built: { file: string; person: LrmxPerson; record: PersonRecordData; photo: Buffer | null }[], problem: (row: number, m: string) => void, files: LrmxFile[]): Planned[] {
    const ids = (sql: string, ...params: unknown[]) => this.store.all<{ id: number }>(sql, ...params).map((r) => r.id)
    const out: Planned[] = []
    for (const b of built) {
      const row = files.findIndex((f) => f.name === b.file) + 1
      const id = b.record.person.idNumber
      let targets = id ? ids('SELECT id FROM persons WHERE id_number = ?', id) : []
      if (targets.length === 0 && b.person.birthMonth) targets = ids('SELECT id FROM persons WHERE name = ? AND substr(birth_date, 1, 7) = ?', b.person.name, b.person.birthMonth)
      if (targets.length > 1) {
        problem(row, `${b.person.name}：人员库中有 ${targets.length} 位同名同出生年月的人员，文件中没有身份证号，无法确定是哪一位`)
        continue
      }
      if (targets.length === 0 && !id) {
        problem(row, `${b.person.name}：文件中没有公民身份号码，人员库中也没有同名同出生年月的人员，无法登记出生日期；请在文件中填写身份证号，或先在人员库登记此人`)
        continue
      }
      const targetId = targets[0] ?? null
      let action: RowAction = 'added'
      if (targetId !== null) {
        const before = this.records.require(targetId)
        const photo = this.records.photo(targetId)
        const same =
          JSON.stringify([before.profile, before.resume, before.family, before.person.name, before.person.ethnicity]) ===
            JSON.stringify([{ ...b.record.profile, politicalStatus: before.profile.politicalStatus }, b.record.resume, b.record.family, b.record.person.name, b.record.person.ethnicity]) &&
          (b.photo === null || photo?.base64 === b.photo.toString('base64'))
        action = same ? 'unchanged' : 'updated'
      }
      out.push({ ...b, action, targetId })
    }
    return out
  }

  private preview(a: LrmxAnalysis): LrmxPreview {
    const count = (action: RowAction) => a.planned.filter((p) => p.action === action).length
    const rows: PreviewRow[] = a.planned.slice(0, 50).map((p) => ({
      row: a.files.indexOf(p.file) + 1,
      action: p.action,
      values: { 文件: p.file, 姓名: p.person.name, 出生年月: p.person.birthMonth.replace('-', '.'), 现任职务: p.person.profile.currentPosition }
    }))
    return {
      id: a.id,
      files: a.files.length,
      counts: { rows: a.files.length, added: count('added'), updated: count('updated'), unchanged: count('unchanged'), problems: a.problems.length },
      problems: a.problems,
      rows
    }
  }

  analysis(id: string): LrmxAnalysis {
    const a = this.analyses.get(id)
    if (!a) throw failure('not_found', '预览已过期，请重新选择文件')
    return a
  }

  /** All files or none; a register changed since the preview is refused rather than met half-way. */
  commit(a: LrmxAnalysis): LrmxSummary {
    if (a.problems.length > 0) {
      const first = a.problems[0]
      throw failure('import_rejected', `第${first.row}个文件（${first.header}）：${first.message}。共 ${a.problems.length} 处问题，未导入任何数据。`)
    }
    if (a.mark !== this.store.changeMark()) throw failure('import_rejected', '人员库在预览之后有了改动，请重新选择文件预览后再导入')
    return this.store.write((audit) => {
      for (const p of a.planned) {
        if (p.action === 'unchanged') continue
        let personId = p.targetId
        if (personId === null) {
          personId = this.records.create(p.record).person.id
        } else {
          const before = this.records.require(personId)
          // What the file does not carry (政治面貌, 村社, 电话, 标签, and the ID-derived birth date) stays as it was.
          this.records.update(personId, {
            person: { ...before.person, name: p.record.person.name, ethnicity: p.record.person.ethnicity, idNumber: before.person.idNumber ?? p.record.person.idNumber },
            profile: { ...p.record.profile, politicalStatus: before.profile.politicalStatus },
            resume: p.record.resume,
            family: p.record.family,
            tags: before.tags
          })
        }
        if (p.photo) this.records.storePhoto(personId, p.photo)
      }
      const summary: LrmxSummary = {
        kind: 'lrmx',
        fileName: a.files.length === 1 ? a.files[0] : `${a.files[0]} 等 ${a.files.length} 个文件`,
        files: a.files.length,
        added: a.planned.filter((p) => p.action === 'added').length,
        updated: a.planned.filter((p) => p.action === 'updated').length,
        unchanged: a.planned.filter((p) => p.action === 'unchanged').length
      }
      audit({
        action: 'import',
        entity: 'lrmx',
        entityId: null,
        summary: `导入干部任免审批表（lrmx）${summary.fileName}：新增 ${summary.added}，更新 ${summary.updated}，未变 ${summary.unchanged}`,
        after: summary
      })
      this.analyses.delete(a.id)
      return summary
    })
  }
}
