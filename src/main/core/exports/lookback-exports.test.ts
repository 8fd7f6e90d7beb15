import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildApi } from '../../api'
import type { ExportInput } from '../../../shared/exports'
import { riskItemInput, statusChangeInput } from '../../../shared/risk'
import { villageInput } from '../../../shared/village'
import { fixedClock } from '../clock'
import { Store } from '../store'
import { testServices } from '../test-support'
import { hasCommand, libreOfficeCsv, pdfText, tempDir } from './testing/files'

let dir: string
let store: Store
const clock = fixedClock('2026-04-01')

beforeEach(() => {
  dir = tempDir()
  store = Store.fileStore(path.join(dir, 'office.db'))
  const s = testServices(store, clock)
  const village = (name: string, leader: string) => s.villages.create(villageInput.parse({ name, kind: '村', township: '青山镇', leader, committeeElectionDate: '2026-03-01' })).id
  const east = village('东岭村', '王镇长')
  const west = village('西坡村', '赵副镇长')
  const add = (villageId: number, type: string, description: string, deadline: string, responsibleCadre: string) =>
    s.lookback.create(riskItemInput.parse({ villageId, type, description, foundOn: '2026-03-15', deadline, responsibleCadre, measures: '一村一策整改' }))
  add(east, '三资问题', '集体账目未移交', '2026-03-25', '陈会计')
  add(east, '宗族/黑恶干扰', '落选方族人阻挠', '2026-04-20', '李干事')
  const closed = add(west, '程序疏漏', '委托投票未公示', '2026-03-30', '周干事')
  s.lookback.changeStatus(statusChangeInput.parse({ id: closed.id, to: '已化解', on: '2026-03-28', evidence: '补充公示记录', by: '张书记' }))
  // A risk file item of the same village stays out of both tables.
  s.risks.create(riskItemInput.parse({ villageId: west, type: '信访矛盾', description: '选举前的信访', foundOn: '2026-02-01' }))
})
afterEach(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function save(input: ExportInput, name: string): Promise<string> {
  const r = await buildApi(store, undefined, clock).exports.file(input)
  if (!r.ok) throw new Error(r.error.message)
  const file = path.join(dir, name)
  fs.writeFileSync(file, Buffer.from(r.value.base64, 'base64'))
  return file
}

describe.skipIf(!hasCommand('soffice'))('回头看台账 and 换届后重点关注村台账 as LibreOffice reads them', () => {
  it('lists every problem with its 整改 and 销号, and the villages still open with the 合计', async () => {
    const ledger = libreOfficeCsv(await save({ table: 'lookback', format: 'xlsx' }, 'lookback.xlsx'))!
    expect(ledger).toContain('村(社区)“两委”换届“回头看”问题台账')
    expect(ledger).toContain('问题类型,问题描述')
    expect(ledger).toMatch(/1,东岭村,一般村,三资问题,集体账目未移交,,,一村一策整改,,陈会计,2026\.03\.15,2026\.03\.25,未化解,逾期,/)
    expect(ledger).toMatch(/2,东岭村,一般村,宗族\/黑恶干扰,落选方族人阻挠,,,一村一策整改,,李干事,2026\.03\.15,2026\.04\.20,未化解,,/)
    expect(ledger).toMatch(/3,西坡村,一般村,程序疏漏,委托投票未公示,.*,2026\.03\.28,补充公示记录,张书记/)
    expect(ledger).not.toContain('选举前的信访')

    const focus = libreOfficeCsv(await save({ table: 'focus-after', format: 'xlsx' }, 'focus.xlsx'))!
    expect(focus).toContain('村(社区)换届后重点关注村台账')
    expect(focus).toContain('1,东岭村,王镇长,,三资问题、宗族/黑恶干扰,2,1,2026.03.25,陈会计、李干事')
    expect(focus).toContain(',合计,,,1个村(社区),2,1,,')
    expect(focus).not.toContain('西坡村')

    const pdf = await save({ table: 'focus-after', format: 'pdf' }, 'focus.pdf')
    expect(pdfText(pdf).replace(/\s+/g, '')).toContain('东岭村王镇长三资问题、宗族/黑恶干扰21')
  }, 240_000)
})
