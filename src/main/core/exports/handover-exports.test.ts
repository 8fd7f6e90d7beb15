import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../../tests/fixtures/ids'
import { buildApi } from '../../api'
import { electionInput } from '../../../shared/election'
import type { ExportInput } from '../../../shared/exports'
import { handoverItemInput } from '../../../shared/handover'
import { villageInput } from '../../../shared/village'
import { fixedClock } from '../clock'
import { Store } from '../store'
import { testServices } from '../test-support'
import { hasCommand, libreOfficeCsv, pdfText, tempDir } from './testing/files'
import { libreOfficePdfs } from './testing/pdf-boxes'

let dir: string
let store: Store
let east: number
const clock = fixedClock('2026-03-14')

beforeEach(() => {
  dir = tempDir()
  store = Store.fileStore(path.join(dir, 'office.db'))
  const s = testServices(store, clock)
  const village = (name: string) => s.villages.create(villageInput.parse({ name, kind: '村', township: '青山镇', committeeElectionDate: '2026-03-01' })).id
  east = village('东岭村')
  const west = village('西坡村')
  village('南湾村')
  for (const [villageId, heldOn, n] of [[east, '2026-03-01', 1], [west, '2026-03-06', 2]] as const) {
    s.elections.create(
      electionInput.parse({
        villageId, body: '村委会', heldOn, registered: 100, issued: 80, returned: 80, valid: 80, invalid: 0,
        races: [{ post: '主任', seats: 1, candidates: [{ name: `主任${n}`, idNumber: makeIdNumber('1980-06-01', '男', n), votes: 70 }] }]
      })
    )
  }
  const hand = (villageId: number, item: string, handedBy: string, note = '') =>
    s.handover.record(handoverItemInput.parse({ villageId, item, handedBy, receivedBy: '张新主任', supervisedBy: '李监交', handedOn: '2026-03-08', note }))
  hand(east, '公章', '王老主任', '村委会章、财务章各1枚')
  hand(east, '三资', '陈会计', '合同42份')
  hand(west, '公章', '赵老书记')
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

const flat = (t: string) => t.replace(/\s+/g, '')

describe.skipIf(!hasCommand('soffice'))('移交清单 and 交接进度 as LibreOffice reads them', () => {
  it('prints the village’s items with who signed for each, the signature lines, and the township’s progress with its 合计', async () => {
    const xlsx = await save({ table: 'handover', format: 'xlsx', villageId: east }, 'list.xlsx')
    const docx = await save({ table: 'handover', format: 'docx', villageId: east }, 'list.docx')
    const board = await save({ table: 'handover-board', format: 'xlsx' }, 'board.xlsx')
    const pdf = await save({ table: 'handover', format: 'pdf', villageId: east }, 'own.pdf')

    const sheet = libreOfficeCsv(xlsx)!
    expect(sheet).toContain('东岭村新老班子工作移交清单')
    expect(sheet).toContain('1,公章（印章）,王老主任,张新主任,李监交,2026.03.08,村委会章、财务章各1枚')
    expect(sheet).toContain('2,文书档案,,,,,')
    expect(sheet).toContain('3,三资（账目、合同、资产台账）,陈会计,张新主任,李监交,2026.03.08,合同42份')
    expect(sheet).not.toContain('赵老书记')
    const [fromDocx] = libreOfficePdfs([docx], dir)!
    for (const text of [flat(pdfText(fromDocx)), flat(pdfText(pdf))]) {
      expect(text).toContain('东岭村新老班子工作移交清单')
      expect(text).toContain('公章（印章）王老主任张新主任李监交2026.03.08')
      expect(text).toContain('陈会计张新主任李监交2026.03.08合同42份')
      expect(text).toMatch(/移交人（签字）：_+接收人（签字）：_+监交人（签字）：_+/)
      expect(text).not.toContain('赵老书记')
    }
    // Day 13 of 东岭村's window: overdue with 2 of 5; 西坡村 on day 8; 南湾村 not yet elected.
    const progress = libreOfficeCsv(board)!
    expect(progress).toContain('1,东岭村,2026.03.01,2026.03.11,2,5,-3,逾期,')
    expect(progress).toContain('2,西坡村,2026.03.06,2026.03.16,1,5,2,进行中,')
    expect(progress).toContain('3,南湾村,,,0,,,未选举,')
    expect(progress).toContain(',合计,,,3,10,,已完成0个，逾期1个,')
  }, 240_000)

  it('refuses a 移交清单 of a village whose committee is not elected', async () => {
    const south = store.value<number>("SELECT id FROM villages WHERE name = '南湾村'")!
    const r = await buildApi(store, undefined, clock).exports.file({ table: 'handover', format: 'pdf', villageId: south })
    expect(r.ok ? 'ok' : r.error.message).toBe('“南湾村”还没有选出新一届村(居)委会，无法生成移交清单')
  })
})
