import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { buildApi } from './api'
import { defaultDbPath } from './core/paths'
import { Store, StoreOpenError } from './core/store'
import { AppFailure } from '../shared/result'
import { startWebServer } from './web/server'
import { EXPORT_TABLE_NAMES, EXPORT_TABLES, type ExportFormat, type ExportTable } from '../shared/exports'
import { ExportService } from './core/exports/service'
import { JobRunner } from './core/jobs'
import { VillageService } from './core/villages'
import { TERMS, type Term } from '../shared/election'

const USAGE = `换届工作台 命令行

用法:
  huanjie serve  [--db 文件] [--port 端口]      浏览器模式：在 127.0.0.1 上提供界面与接口，打印带口令的地址
  huanjie backup [--db 文件] --out 备份文件     在线备份（SQLite 备份接口，数据库使用中也一致）
  huanjie export 表格 [--db 文件] --out 文件.xlsx|文件.pdf [--village 村社名称] [--term 本届|上届]
                                              导出正式表格。表格：${EXPORT_TABLE_NAMES.map((t) => `${t}（${EXPORT_TABLES[t].label}）`).join('、')}
                                              --term 仅用于 members（两委成员名册），默认本届

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
    print(out, `已备份到 ${result.path}（${result.bytes} 字节）`, result)
  } finally {
    store.close()
  }
}

async function exportTable(args: string[], out: Output): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, out: { type: 'string' }, village: { type: 'string' }, term: { type: 'string' }, json: { type: 'boolean' } }
  })
  const term = values.term ?? '本届'
  if (!(TERMS as readonly string[]).includes(term)) throw new UsageError(`--term 应为 ${TERMS.join(' 或 ')}`)
  const table = positionals[0] as ExportTable | undefined
  if (!table || !EXPORT_TABLE_NAMES.includes(table)) {
    throw new UsageError(`请指定要导出的表格：${EXPORT_TABLE_NAMES.join('、')}${table ? `（没有“${table}”）` : ''}`)
  }
  if (!values.out) throw new UsageError('请用 --out 指定输出文件（.xlsx 或 .pdf）')
  const format = path.extname(values.out).slice(1).toLowerCase() as ExportFormat
  if (format !== 'xlsx' && format !== 'pdf') throw new UsageError('输出文件应以 .xlsx 或 .pdf 结尾')
  const store = openStore(values.db)
  try {
    let villageId: number | null = null
    if (values.village) {
      const village = new VillageService(store).findByName(values.village)
      if (!village) throw new UsageError(`找不到村社“${values.village}”`)
      villageId = village.id
    }
    const file = await new ExportService(store, new JobRunner()).file({ table, format, villageId, term: term as Term })
    const bytes = Buffer.from(file.base64, 'base64')
    const target = path.resolve(values.out)
    fs.writeFileSync(target, bytes)
    print(out, `已导出${EXPORT_TABLES[table].label}：${target}（${bytes.length} 字节）`, { ok: true, table, path: target, bytes: bytes.length, suggestedName: file.fileName })
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
