import ExcelJS from 'exceljs'
import { nthId } from '../tests/fixtures/rosters'

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
// Characters of given names, common ones more than once: drawn by a hash of the row, nearly every name differs,
// as in a real roster (a register of repeating names would hide the cost of each new name's pinyin key).
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国玉志海燕小红春梅金凤德永文俊飞鹏辉波宇浩凯健亮成斌立新宏林峰晨雪琳婷颖欣晓倩慧佳嘉子梓涵睿轩博铭瑞泽然思怡雨萱妍一诺可馨依若曦语桐荣昌福贵喜庆丰富有才德胜利民生根宝山水云龙凤兴旺发家忠孝仁义礼智信正清廉朝阳光辉耀祖宗'

/** A well-mixed 31-bit hash of n (so that neighbouring rows get unrelated names). */
function mix(n: number): number {
  let h = Math.imul(n ^ 0x5bd1e995, 0x9e3779b1)
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b)
  return (h ^ (h >>> 13)) >>> 1
}
const CATEGORIES = ['一类', '一类', '一类', '二类', '三类']

export const VILLAGES = Array.from({ length: 20 }, (_, i) => `第${i + 1}村`)

/** The day the bench villages vote: every generated voter (born 1950–1956) is of age on it. */
export const ELECTION_DAY = '2026-11-26'

/**
 * A voter roster of one village as a township office keeps it: a title row, the header on row 2, 序号,
 * 村民小组, the ID column as text, and for 三类 voters the date and meeting that agreed. Written with exceljs's
 * streaming writer and shared strings, as Excel stores text. `start` numbers the people, so the rosters of
 * different villages hold different people.
 */
export async function writeVoterRoster(file: string, rows: number, start = 0): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true })
  const ws = wb.addWorksheet('选民名单')
  ws.addRow(['龙山镇2026年村民委员会选举选民名单']).commit()
  ws.addRow(['序号', '村民小组', '姓名', '性别', '公民身份号码', '住址', '登记类别', '同意日期', '同意会议']).commit()
  for (let n = 0; n < rows; n++) {
    const i = start + n
    const id = nthId(i)
    const h = mix(i)
    const name = SURNAMES[h % SURNAMES.length] + GIVEN[(h >>> 7) % GIVEN.length] + (h % 5 ? GIVEN[(h >>> 15) % GIVEN.length] : '')
    const group = `${(i % 12) + 1}组`
    const category = CATEGORIES[i % 5]
    const approval = category === '三类' ? ['2026-02-20', '村民代表会议'] : []
    ws.addRow([n + 1, group, name, Number(id[16]) % 2 ? '男' : '女', id, `龙山镇${group}${(i % 200) + 1}号`, category, ...approval]).commit()
  }
  ws.addRow([]).commit()
  ws.addRow(['填表人：王芳', null, null, '日期：2026.3.1']).commit()
  await wb.commit()
}

export async function writeVillages(file: string, names: readonly string[]): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('村社')
  ws.addRow(['名称', '所属乡镇', '村(居)委会选举日期'])
  for (const n of names) ws.addRow([n, '龙山镇', ELECTION_DAY])
  await wb.xlsx.writeFile(file)
}
