import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { villageInput } from '../shared/village'
import { addCandidate } from './core/exports/testing/sample-candidates'
import { buildServices } from './core/services'
import { Store } from './core/store'
import { useTempDir } from './core/test-support'

const tempDir = useTempDir()
const root = path.resolve(__dirname, '../..')

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(__dirname, 'cli.ts'), ...args], { encoding: 'utf8', cwd: root })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('huanjie CLI: Word and lrmx', () => {
  it('writes the 人选登记表 as .docx, one .lrmx per person, and imports a folder of them into another register', async () => {
    const dir = tempDir()
    const db = path.join(dir, 'office.db')
    const store = Store.fileStore(db)
    const east = buildServices(store).villages.create(villageInput.parse({ name: '东岭村', kind: '村', township: '青山镇', committeeElectionDate: '2026-04-20' })).id
    const west = buildServices(store).villages.create(villageInput.parse({ name: '西坡村', kind: '村', township: '青山镇' })).id
    addCandidate(store, { name: '甲一', villageId: east, post: '一肩挑', photo: 31 })
    addCandidate(store, { name: '乙二', villageId: east, post: '村委会委员', photo: 32 })
    addCandidate(store, { name: '丙三', villageId: west, post: '村委会委员', photo: 33 })
    store.close()

    const docx = path.join(dir, 'forms.docx')
    const word = cli('export', 'dossier', '--db', db, '--out', docx, '--village', '东岭村', '--json')
    expect(word.stderr).toBe('')
    expect(word.code).toBe(0)
    const zip = await JSZip.loadAsync(fs.readFileSync(docx))
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/')).length).toBe(2)

    const out = path.join(dir, 'lrmx')
    const exported = cli('export', 'lrmx', '--db', db, '--out', out, '--village', '东岭村', '--json')
    expect(exported.code).toBe(0)
    expect(fs.readdirSync(out).sort()).toEqual(['乙二.lrmx', '甲一.lrmx'])
    expect(fs.readFileSync(path.join(out, '甲一.lrmx'), 'utf8')).toContain('<NiRenZhiWu>东岭村党组织书记、村(居)委会主任（一肩挑）')

    const other = path.join(dir, 'other.db')
    Store.fileStore(other).close()
    const imported = cli('import', 'lrmx', out, '--db', other, '--json')
    expect(imported.code).toBe(1)
    // The candidates were registered without ID numbers: a new register cannot give them a birth date.
    expect(JSON.parse(imported.stdout)).toMatchObject({ ok: false, errorCount: 2 })
    const back = cli('import', 'lrmx', path.join(out, '甲一.lrmx'), '--db', db, '--json')
    expect(JSON.parse(back.stdout)).toMatchObject({ ok: true, files: 1, added: 0 })
    const check = Store.fileStore(other)
    expect(buildServices(check).personRecords.list()).toEqual([])
    check.close()
    expect(cli('import', 'lrmx', path.join(dir, 'nothing-here'), '--db', other).code).toBe(2)
  }, 180_000)
})
