import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { badCheckId, idNumber, xlsxBuffer, type FixtureCell, type FixtureSheet } from '../../../../tests/fixtures/rosters'
import { Store } from '../store'
import { testServices, useTempDir } from '../test-support'
import { scanHidden, type HiddenParts } from './hidden'
import type { ImportService } from './service'

const tempDir = useTempDir()
let dir: string
let store: Store
let imports: ImportService

beforeEach(() => {
  dir = tempDir()
  store = Store.fileStore(path.join(dir, 'office.db'))
  imports = testServices(store).imports
  return () => store.close()
})

const PEOPLE = Array.from({ length: 12 }, (_, i) => ({ name: `人员${i + 1}`, id: idNumber('19800501', 100 + i, i % 2 ? '女' : '男') }))

/**
 * A persons roster whose column C, hidden, holds an older ID column full of wrong numbers (read, every row
 * would be refused), and whose rows 5 and 8–14 are hidden: withdrawn people, also with wrong numbers.
 */
function roster(): FixtureSheet {
  const rows: FixtureCell[][] = [['龙山镇人员登记表'], ['序号', '姓名', '身份证号码', '公民身份号码', '性别']]
  PEOPLE.forEach((p, i) => rows.push([i + 1, p.name, badCheckId('19800501', 100 + i, '男'), p.id, i % 2 ? '女' : '男']))
  const hiddenRows = [5, 8, 9, 10, 11, 12, 13, 14]
  for (const r of hiddenRows) rows[r - 1] = [r - 2, `已退出${r}`, 'x', badCheckId('19700101', r, '男'), '男']
  rows.push(['合计', `${PEOPLE.length}人`])
  return { name: '人员', rows, hiddenRows, hiddenColumns: ['C'] }
}

const visible = PEOPLE.filter((_, i) => ![5, 8, 9, 10, 11, 12, 13, 14].includes(i + 3))

async function expectHiddenIgnored(bytes: Buffer): Promise<void> {
  const { analysis, preview } = await imports.read('persons', { bytes, name: '人员.xlsx' })
  expect(preview.problems).toEqual([])
  expect(preview.columns.map((c) => [c.letter, c.field])).not.toContainEqual(['C', 'idNumber'])
  expect(preview.columns.find((c) => c.field === 'idNumber')?.letter).toBe('D')
  expect(preview.counts).toMatchObject({ rows: visible.length, added: visible.length, problems: 0 })
  expect(preview.notes).toEqual(
    expect.arrayContaining(['C列“身份证号码”为隐藏列，已忽略', '第5、8、9、10、11行等共 8 行为隐藏行，已忽略', `第${PEOPLE.length + 3}行为合计行，已忽略`])
  )
  imports.commit(analysis)
  expect(testServices(store).persons.list().map((p) => p.name).sort()).toEqual(visible.map((p) => p.name).sort())
}

describe('hidden rows and columns', () => {
  it('are left out of a workbook written by exceljs, with one note each for hidden columns, hidden rows and the 合计 row', async () => {
    await expectHiddenIgnored(await xlsxBuffer([roster()]))
  })

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p))
  it.skipIf(!soffice)('are left out of the same workbook saved again by LibreOffice (hidden="true")', async () => {
    const source = path.join(dir, 'source.xlsx')
    fs.writeFileSync(source, await xlsxBuffer([roster()]))
    const out = path.join(dir, 'lo')
    execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, source], {
      stdio: 'ignore',
      timeout: 120_000
    })
    const bytes = fs.readFileSync(path.join(out, 'source.xlsx'))
    await expectHiddenIgnored(bytes)
  }, 150_000)
})

describe('scanHidden', () => {
  it('finds every hidden row and column however the XML is cut into chunks', async () => {
    const xml =
      '<worksheet><cols><col min="1" max="1" width="5"/><col min="3" max="4" hidden="1" width="9"/></cols><sheetData>' +
      '<row r="1"><c r="A1"/></row><row r="2" spans="1:5" hidden="1" ht="0"><c r="A2"/></row><row r="3" hidden="0"/>' +
      '<row r="4" customHeight="1" hidden="true"><c r="A4"/></row></sheetData></worksheet>'
    for (let cut = 1; cut < xml.length; cut++) {
      const hidden: HiddenParts = { rows: new Set(), columns: new Set() }
      const chunks = (async function* () {
        yield Buffer.from(xml.slice(0, cut))
        yield Buffer.from(xml.slice(cut))
      })()
      let passed = ''
      for await (const c of scanHidden(chunks, hidden)) passed += c.toString()
      expect(passed).toBe(xml)
      expect([[...hidden.rows].sort(), [...hidden.columns].sort()]).toEqual([[2, 4], [2, 3]])
    }
  })
})
