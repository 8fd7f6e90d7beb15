import type { AppError } from '../../shared/result'

/** What a unique or required column is called on the forms, for a refusal that names it. */
const COLUMN_LABELS: Record<string, string> = {
  'villages.name': '村社名称',
  'villages.township': '乡镇（街道）',
  'villages.division_code': '区划代码',
  'persons.id_number': '身份证号',
  'persons.name': '姓名',
  'voters.person_id': '选民（同一人只能在一个村登记）',
  'voter_proxies.principal_id': '委托人（每人只能委托一次）',
  'candidates.person_id': '人选（同一人只能登记一次）',
  'committee_members.person_id': '两委成员（同一人同届同职只登记一次）',
  'election_races.post': '选举职务'
}

function columns(message: string): string[] {
  const at = message.indexOf(':')
  return at < 0 ? [] : message.slice(at + 1).split(',').map((c) => c.trim())
}

function label(message: string): string {
  const known = columns(message).map((c) => COLUMN_LABELS[c]).filter(Boolean)
  return known.length > 0 ? known.join('、') : '内容'
}

/**
 * An error SQLite raised, as a refusal a clerk can read: never SQLite's own English text. Null for anything
 * that did not come from SQLite.
 */
export function sqliteRefusal(e: unknown): AppError | null {
  const code = (e as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null
  const message = String((e as Error).message ?? '')
  switch (code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return { code: 'conflict', message: `已有${label(message)}相同的记录，未保存` }
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return { code: 'in_use', message: '该记录仍被其他登记内容引用，或引用的记录已不存在，未保存' }
    case 'SQLITE_CONSTRAINT_NOTNULL':
      return { code: 'validation', message: `缺少必填的${label(message)}，未保存` }
    case 'SQLITE_CONSTRAINT_CHECK':
      return { code: 'validation', message: '有内容超出登记规则允许的范围（如日期、编号或数值格式），未保存' }
    case 'SQLITE_FULL':
      return { code: 'disk_full', message: '磁盘空间已满，操作未完成，数据未改变。请清理磁盘后再试' }
    case 'SQLITE_READONLY':
      return { code: 'read_only', message: '数据库文件是只读的，不能保存。请检查文件权限或是否在只读的U盘上' }
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return { code: 'corrupt', message: '数据库文件已损坏，操作未完成。请用最近的备份恢复' }
    case 'SQLITE_IOERR':
      return { code: 'io', message: '读写数据库文件时出错，操作未完成，数据未改变' }
    default:
      if (code.startsWith('SQLITE_CONSTRAINT')) return { code: 'conflict', message: '数据不符合登记规则，未保存' }
      if (code.startsWith('SQLITE_IOERR')) return { code: 'io', message: '读写数据库文件时出错，操作未完成，数据未改变' }
      return { code: 'internal', message: '数据库操作失败，操作未完成，数据未改变' }
  }
}
