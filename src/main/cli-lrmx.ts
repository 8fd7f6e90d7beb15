import fs from 'node:fs'
import path from 'node:path'
import { lrmxFiles, lrmxSourcesOf } from './core/exports/lrmx-register'
import { buildServices } from './core/services'
import { LrmxImport, type LrmxFile } from './core/import/lrmx-kind'
import type { Store } from './core/store'

/** What a command says: a line for a person, the same as JSON for a script, and the exit code. */
export interface Said {
  human: string
  data: unknown
  code: number
}

/**
 * `huanjie export lrmx --out DIR [--village NAME]`: one .lrmx per person of the register (of a village: its
 * residents and its candidates), written into DIR.
 */
export function exportLrmx(store: Store, outDir: string, villageId: number | null, filledBy: string): Said {
  const ids = store
    .all<{ id: number }>(
      `SELECT p.id FROM persons p WHERE ? IS NULL OR p.village_id = ? OR p.id IN (SELECT person_id FROM candidates WHERE village_id = ?)
       ORDER BY p.id`,
      villageId,
      villageId,
      villageId
    )
    .map((r) => r.id)
  if (ids.length === 0) return { human: '没有可导出的人员', data: { ok: false, files: 0 }, code: 1 }
  const services = buildServices(store)
  const h = services.exports.heading()
  const files = lrmxFiles(lrmxSourcesOf(services), ids, { reportingUnit: h.unit, filledBy, filledOn: h.date })
  fs.mkdirSync(outDir, { recursive: true })
  for (const f of files) fs.writeFileSync(path.join(outDir, f.fileName), f.xml, 'utf8')
  return { human: `已导出 ${files.length} 份干部任免审批表（lrmx）到 ${outDir}`, data: { ok: true, dir: outDir, files: files.map((f) => f.fileName) }, code: 0 }
}

/** The files named, a folder standing for the .lrmx files in it; a name that is neither is a usage error. */
export function lrmxInputs(args: string[]): LrmxFile[] | string {
  const files: LrmxFile[] = []
  for (const a of args) {
    const p = path.resolve(a)
    if (!fs.existsSync(p)) return `找不到“${a}”`
    if (fs.statSync(p).isDirectory()) {
      const inside = fs.readdirSync(p).filter((n) => n.toLowerCase().endsWith('.lrmx')).sort()
      if (inside.length === 0) return `文件夹“${a}”中没有 .lrmx 文件`
      for (const n of inside) files.push({ name: n, bytes: fs.readFileSync(path.join(p, n)) })
    } else {
      files.push({ name: path.basename(p), bytes: fs.readFileSync(p) })
    }
  }
  return files
}

/** `huanjie import lrmx FILE_OR_DIR…`: exit 0 imported, 1 problems (nothing written), as for rosters. */
export async function importLrmx(store: Store, files: LrmxFile[], dryRun: boolean): Promise<Said> {
  const importer = new LrmxImport(store, buildServices(store).personRecords)
  const { analysis, preview } = await importer.read(files)
  if (preview.problems.length > 0) {
    const lines = preview.problems.map((p) => `第${p.row}个文件（${p.header}）：${p.message}`)
    return {
      human: `${files.length} 个文件中有 ${preview.problems.length} 处问题，未导入任何数据：\n${lines.join('\n')}`,
      data: { ok: false, errorCount: preview.problems.length, errors: preview.problems },
      code: 1
    }
  }
  const counts = dryRun ? preview.counts : importer.commit(analysis)
  return {
    human: `${dryRun ? '检查通过（未写入）' : '导入完成'}：干部任免审批表 ${files.length} 个文件\n新增 ${counts.added}，更新 ${counts.updated}，未变 ${counts.unchanged}`,
    data: { ok: true, dryRun, files: files.length, added: counts.added, updated: counts.updated, unchanged: counts.unchanged },
    code: 0
  }
}
