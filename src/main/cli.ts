import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { defaultDbPath } from './core/paths'
import { Store, StoreOpenError } from './core/store'
import { AppFailure } from '../shared/result'
import { STAGES, type Stage } from '../shared/candidate'
import { EXPORT_TABLE_NAMES, EXPORT_TABLES, type ExportFormat, type ExportTable } from '../shared/exports'
import { IMPORT_KINDS, KIND_DEFS, type ImportKind } from '../shared/import'
import { buildServices } from './core/services'
import { problemText, problemWorkbook } from './core/import/problem-workbook'
import { TERMS, type Term } from '../shared/election'
import { NOTICE_KINDS, type NoticeKind } from '../shared/notices'
import { tuneHeapForForms } from './heap'

tuneHeapForForms()

const USAGE = `换届工作台 命令行

用法:
  huanjie serve  [--db 文件] [--port 端口]
      浏览器模式：在 127.0.0.1 上提供界面与接口，打印带口令的地址
  huanjie backup [--db 文件] --out 备份文件
      在线备份（SQLite 备份接口，数据库使用中也一致）
  huanjie import 类型 文件 [--db 文件] [--village 村社名称] [--term 本届|上届] [--department 部门 --date 日期] [--problems 文件.xlsx] [--dry-run]
      导入 .xlsx / .csv 名册，全部成功或全部不导入
      类型：${IMPORT_KINDS.map((k) => `${k}（${KIND_DEFS[k].label}）`).join('、')}
      --village    名册所属村社（选民名册必填；其他名册无“所在村”列时全部归入该村社）
      --term       两委成员名册没有“届别”列时，整个文件的届别（本届或上届）
      --department --date  联审回执（replies）：回复的联审部门和部门的反馈日期（YYYY-MM-DD），整个文件一个
      --problems   有问题时把出错的行写成 Excel（原表的列加“问题”列），改正后整表重新导入
      --dry-run    只检查并报告，不写入
      退出码：0 导入成功；1 有问题行，未导入；2 文件无法读取或参数错误
  huanjie import lrmx 文件或文件夹… [--db 文件] [--dry-run]
      导入干部任免审批表（.lrmx，可多个文件或整个文件夹）到人员库，按身份证号或姓名+出生年月对应；退出码同上
  huanjie export 表格 [--db 文件] --out 文件.xlsx|文件.pdf|文件.docx [--village 村社名称] [--term 本届|上届] [--stage 环节] [--filled-by 姓名] [--department 部门]
      人选登记表（dossier）、选民名单（voters，须 --village）、选举结果报告单（election-report）还可导出为 Word（--out 文件.docx）
  huanjie export ballots|tally-sheets [--db 文件] --out 文件.pdf|文件.docx [--village 村社名称]
      选票（按姓氏笔画排列候选人，含流动票箱选票和印制数）、计票单；不写 --village 为全部村社
  huanjie export notices --notice 公告 [--db 文件] --out 文件.pdf|文件.docx [--village 村社名称]
      选举委员会公告，按“公告模板”的措辞填入村社数据。公告：${NOTICE_KINDS.join('、')}
  huanjie export lrmx --out 文件夹 [--village 村社名称] [--filled-by 姓名]
      每人一个干部任免审批表文件（.lrmx）
      导出正式表格。表格：${EXPORT_TABLE_NAMES.map((t) => `${t}（${EXPORT_TABLES[t].label}）`).join('、')}
      --term       两委成员名册的届别，默认本届
      --stage      人选花名册、资格联审表、人选登记表：只含处于该审查环节的人选（${STAGES.join('、')}）
      --filled-by  人选登记表的填表人
      --department 联审回执（reply）：该部门收到的全部送审人选，填“审查结果”和“原因”后用 import replies 导回

通用选项:
  --db 文件    数据库文件（默认：${defaultDbPath()}）
  --json       以 JSON 输出结果，便于脚本处理
  --help       显示本帮助`

/** A failure the user caused or can fix: one clear line, no stack trace. */
class UsageError extends Error {}

interface Output {
  json: boolean
}

function print(out: Output, human: string, data: unknown): void {
  process.stdout.write(out.json ? `${JSON.stringify(data)}\n` : `${human}\n`)
}

function openStore(db: string | undefined): Store {
  return Store.fileStore(path.resolve(db ?? defaultDbPath()))
}

async function serve(args: string[], out: Output): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, port: { type: 'string' }, json: { type: 'boolean' } } })
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`端口无效：${values.port}`)
  const store = openStore(values.db)
  // Loaded by the commands that use them: an import need not hold the whole API and the PDF engine in memory.
  const [{ buildApi }, { startWebServer }] = await Promise.all([import('./api'), import('./web/server')])
  const server = await startWebServer({
    api: buildApi(store),
    staticDir: rendererDir(),
    port
  })
  print(out, `换届工作台浏览器模式已启动（数据库：${store.path}）\n请在浏览器中打开：${server.url}\n按 Ctrl+C 结束。`, {
    url: server.url,
    port: server.port,
    db: store.path
  })
  const stop = async (): Promise<void> => {
    await server.close()
    store.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

/** Built renderer: beside the built CLI (out/main → out/renderer), or out/renderer when run from source. */
function rendererDir(): string {
  if (process.env.HUANJIE_RENDERER_DIR) return process.env.HUANJIE_RENDERER_DIR
  const built = path.join(__dirname, '..', 'renderer')
  return fs.existsSync(path.join(built, 'index.html')) ? built : path.join(__dirname, '..', '..', 'out', 'renderer')
}

async function backup(args: string[], out: Output): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } } })
  if (!values.out) throw new UsageError('请用 --out 指定备份文件')
  const file = path.resolve(values.db ?? defaultDbPath())
  const store = Store.fileStore(file)
  try {
    const result = await store.backupTo(values.out)
    print(out, `已备份到 ${result.path}（${result.bytes} 字节）${result.note ? `\n${result.note}` : ''}`, result)
  } finally {
    store.close()
  }
}

async function exportTable(args: string[], out: Output): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      out: { type: 'string' },
      village: { type: 'string' },
      stage: { type: 'string' },
      'filled-by': { type: 'string' },
      term: { type: 'string' },
      department: { type: 'string' },
      notice: { type: 'string' },
      json: { type: 'boolean' }
    }
  })
  const term = values.term ?? '本届'
  if (!(TERMS as readonly string[]).includes(term)) throw new UsageError(`--term 应为 ${TERMS.join(' 或 ')}`)
  if (positionals[0] === 'lrmx') return exportLrmxFiles(values)
  const table = positionals[0] as ExportTable | undefined
  if (!table || !EXPORT_TABLE_NAMES.includes(table)) {
    throw new UsageError(`请指定要导出的表格：${EXPORT_TABLE_NAMES.join('、')}${table ? `（没有“${table}”）` : ''}`)
  }
  if (!values.out) throw new UsageError('请用 --out 指定输出文件（.xlsx、.pdf；人选登记表、选民名单、选举结果报告单还可 .docx）')
  const format = path.extname(values.out).slice(1).toLowerCase() as ExportFormat
  const formats: readonly string[] = EXPORT_TABLES[table].formats.filter((f) => f !== 'lrmx')
  if (!formats.includes(format)) throw new UsageError(`${EXPORT_TABLES[table].label}的输出文件应以 ${formats.map((f) => `.${f}`).join(' 或 ')} 结尾`)
  const stage = (values.stage ?? null) as Stage | null
  if (stage !== null && !STAGES.includes(stage)) throw new UsageError(`审查环节应为：${STAGES.join('、')}（没有“${stage}”）`)
  const notice = (values.notice ?? null) as NoticeKind | null
  if (table === 'notices' && notice === null) throw new UsageError(`请用 --notice 指定公告：${NOTICE_KINDS.join('、')}`)
  if (notice !== null && table !== 'notices') throw new UsageError('--notice 只用于 export notices')
  if (notice !== null && !NOTICE_KINDS.includes(notice)) throw new UsageError(`公告应为：${NOTICE_KINDS.join('、')}（没有“${notice}”）`)
  const store = openStore(values.db)
  try {
    const services = buildServices(store)
    let villageId: number | null = null
    if (values.village) {
      const village = services.villages.findByName(values.village)
      if (!village) throw new UsageError(`找不到村社“${values.village}”`)
      villageId = village.id
    }
    const file = await services.exports.file({
      table,
      format,
      villageId,
      term: term as Term,
      stage,
      notice,
      filledBy: values['filled-by'] ?? '',
      department: values.department
    })
    const bytes = Buffer.from(file.base64, 'base64')
    const target = path.resolve(values.out)
    fs.writeFileSync(target, bytes)
    print(out, `已导出${EXPORT_TABLES[table].label}：${target}（${bytes.length} 字节）`, { ok: true, table, path: target, bytes: bytes.length, suggestedName: file.fileName })
  } finally {
    store.close()
  }
}

/** `export lrmx --out DIR`: one file per person, not one table. */
async function exportLrmxFiles(values: { db?: string; out?: string; village?: string; 'filled-by'?: string; json?: boolean }): Promise<void> {
  if (!values.out) throw new UsageError('请用 --out 指定输出文件夹，每人一个 .lrmx 文件')
  const store = openStore(values.db)
  try {
    const villageId = values.village ? villageIdOf(store, values.village) : null
    const said = (await import('./cli-lrmx')).exportLrmx(store, path.resolve(values.out), villageId, values['filled-by'] ?? '')
    if (said.code !== 0) throw new UsageError(said.human)
    print({ json: Boolean(values.json) }, said.human, said.data)
  } finally {
    store.close()
  }
}

function villageIdOf(store: Store, name: string): number {
  const village = buildServices(store).villages.findByName(name)
  if (!village) throw new UsageError(`找不到村社“${name}”`)
  return village.id
}

async function importLrmxFiles(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } } })
  if (positionals.length === 0) throw new UsageError('用法：huanjie import lrmx 文件或文件夹… [--db 文件] [--dry-run] [--json]')
  const { importLrmx, lrmxInputs } = await import('./cli-lrmx')
  const files = lrmxInputs(positionals)
  if (typeof files === 'string') throw new UsageError(files)
  const store = openStore(values.db)
  try {
    const said = await importLrmx(store, files, Boolean(values['dry-run']))
    print(out, said.human, said.data)
    return said.code
  } finally {
    store.close()
  }
}

async function importFile(args: string[], out: Output): Promise<number> {
  if (args[0] === 'lrmx') return importLrmxFiles(args.slice(1), out)
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      village: { type: 'string' },
      term: { type: 'string' },
      department: { type: 'string' },
      date: { type: 'string' },
      problems: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' }
    }
  })
  const [kindArg, file] = positionals
  if (!kindArg || !file) {
    throw new UsageError(`用法：huanjie import 类型 文件 [--db 文件] [--village 村社名称] [--term 本届|上届] [--problems 问题清单.xlsx] [--dry-run] [--json]`)
  }
  if (values.term !== undefined && !(TERMS as readonly string[]).includes(values.term)) throw new UsageError(`--term 应为 ${TERMS.join(' 或 ')}`)
  if (!(IMPORT_KINDS as readonly string[]).includes(kindArg)) {
    throw new UsageError(`未知的导入类型“${kindArg}”，可选：${IMPORT_KINDS.map((k) => `${k}（${KIND_DEFS[k].label}）`).join('、')}`)
  }
  const kind = kindArg as ImportKind
  const store = openStore(values.db)
  try {
    const { villages, imports } = buildServices(store)
    let villageId: number | null = null
    if (values.village) {
      const v = villages.findByName(values.village)
      if (!v) throw new UsageError(`村社台账中没有“${values.village}”`)
      villageId = v.id
    }
    const showProgress = !out.json && process.stderr.isTTY
    const progress = {
      progress: (_done: number, _total?: number | null, message?: string) => {
        if (showProgress && message) process.stderr.write(`\r${message}`)
      },
      throwIfCancelled: () => {}
    }
    const input = { path: path.resolve(file) }
    const options = { villageId, fileValues: { term: values.term, department: values.department, decidedOn: values.date } }
    const { preview, summary } = values['dry-run']
      ? { preview: (await imports.read(kind, input, options, progress)).preview, summary: null }
      : await imports.readAndCommit(kind, input, options, progress)
    if (showProgress) process.stderr.write('\n')
    const problems = [
      ...preview.missingFields.map((f) => ({ row: preview.headerRow, column: '', header: f, message: `缺少必需的列“${f}”` })),
      ...preview.problems
    ]
    if (problems.length > 0) {
      const count = preview.counts.problems + preview.missingFields.length
      const lines = problems.map(problemText)
      const more = count > problems.length ? `\n……另有 ${count - problems.length} 处问题未列出` : ''
      let listed = ''
      if (values.problems && preview.problems.length > 0) {
        const target = path.resolve(values.problems)
        fs.writeFileSync(target, await problemWorkbook(input, preview))
        listed = `\n问题清单已写入 ${target}（原表的列加“问题”列，改正后可整表重新导入）`
      }
      print(out, `“${preview.fileName}”有 ${count} 处问题，未导入任何数据：\n${lines.join('\n')}${more}${listed}`, {
        ok: false,
        errorCount: count,
        errors: problems.map(({ row, column, header, message }) => ({ row, column, header, message }))
      })
      return 1
    }
    const counts = summary ?? preview.counts
    const verb = values['dry-run'] ? '检查通过（未写入）' : '导入完成'
    print(
      out,
      `${verb}：${preview.kindLabel}“${preview.fileName}”（工作表“${preview.sheet}”，表头在第${preview.headerRow}行）\n` +
        `新增 ${counts.added}，更新 ${counts.updated}，未变 ${counts.unchanged}`,
      { ok: true, dryRun: Boolean(values['dry-run']), kind, file: preview.fileName, sha256: preview.sha256, sheet: preview.sheet, rows: preview.counts.rows, added: counts.added, updated: counts.updated, unchanged: counts.unchanged }
    )
    return 0
  } finally {
    store.close()
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const out: Output = { json: rest.includes('--json') }
  try {
    switch (command) {
      case 'serve':
        await serve(rest, out)
        return -1
      case 'backup':
        await backup(rest, out)
        return 0
      case 'export':
        await exportTable(rest, out)
        return 0
      case 'import':
        return await importFile(rest, out)
      case undefined:
      case '--help':
      case 'help':
        process.stdout.write(`${USAGE}\n`)
        return 0
      default:
        throw new UsageError(`未知命令：${command}\n\n${USAGE}`)
    }
  } catch (e) {
    const message =
      e instanceof UsageError || e instanceof StoreOpenError || e instanceof AppFailure
        ? e.message
        : (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
          ? `参数错误：${(e as Error).message}`
          : `出错了：${(e as Error).message}`
    if (out.json) process.stdout.write(`${JSON.stringify({ ok: false, error: message })}\n`)
    else process.stderr.write(`${message}\n`)
    return 2
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    if (code >= 0) process.exit(code)
  })
}
