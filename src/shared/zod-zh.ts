import { z } from 'zod'

/**
 * zod's messages in plain Chinese, for the checks whose schema gives no message of its own. zod's zh-CN locale
 * still says "期望 string，实际接收 undefined"; a clerk reads "应为文字（未填写）".
 */
const KIND: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否',
  object: '一组数据',
  array: '列表',
  date: '日期',
  null: '空值',
  undefined: '空',
  nan: '数字'
}

function described(input: unknown): string {
  if (input === undefined) return '未填写'
  if (input === null) return '空值'
  if (Array.isArray(input)) return '列表'
  if (typeof input === 'number' && Number.isNaN(input)) return '非数字'
  return KIND[typeof input] ?? '无法识别的值'
}

const FORMAT: Record<string, string> = {
  email: '邮箱地址',
  url: '网址',
  date: '日期（年-月-日）',
  datetime: '日期时间',
  time: '时间',
  regex: '规定的格式',
  uuid: '编号',
  base64: '文件内容（base64）'
}

type Issue = Parameters<z.core.$ZodErrorMap>[0]

export function chineseMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必填，未填写' : `应为${KIND[issue.expected] ?? issue.expected}（填的是${described(issue.input)}）`
    case 'too_big': {
      const n = String(issue.maximum)
      if (issue.origin === 'string') return `不能超过${n}个字`
      if (issue.origin === 'array' || issue.origin === 'set') return `最多${n}项`
      return issue.inclusive ? `不能大于${n}` : `应小于${n}`
    }
    case 'too_small': {
      const n = String(issue.minimum)
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少${n}个字`
      if (issue.origin === 'array' || issue.origin === 'set') return `至少${n}项`
      return issue.inclusive ? `不能小于${n}` : `应大于${n}`
    }
    case 'invalid_format':
      return `格式不对，应为${FORMAT[issue.format] ?? '规定的格式'}`
    case 'not_multiple_of':
      return `应为${String(issue.divisor)}的倍数`
    case 'unrecognized_keys':
      return `含有不认识的项：${issue.keys.join('、')}`
    case 'invalid_value':
      return `应为以下之一：${issue.values.map(String).join('、')}`
    case 'invalid_union':
      return '不符合任何一种允许的填法'
    case 'invalid_key':
    case 'invalid_element':
      return '含有填写有误的项'
    default:
      return '填写有误'
  }
}

z.config({ localeError: (issue) => chineseMessage(issue) })
