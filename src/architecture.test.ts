import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '..')
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(p)
    return /\.(ts|tsx)$/.test(e.name) ? [p] : []
  })
}

const importsOf = (file: string) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1])
/** Modules that still read rows through store.db; each leaves this list as it moves to the store's typed reads. */
const RAW_SQL_STILL: string[] = []

/** Modules that still cast rows `as unknown as`; each leaves this list as it names its columns `AS camelCase`. */
const UNKNOWN_CASTS_STILL: string[] = []

/** Modules that still stamp rows with nowStamp() instead of the Clock they are given; each leaves this list as it moves. */
const STAMPS_STILL: string[] = []

const rel = (f: string) => path.relative(root, f).split(path.sep).join('/')

describe('layers of DESIGN.md', () => {
  const files = sourceFiles(path.join(root, 'src'))

  it("imports 'electron' only in the shell and the preload", () => {
    const offenders = files.filter((f) => importsOf(f).includes('electron')).map(rel)
    expect(offenders.every((f) => f.startsWith('src/main/electron/') || f.startsWith('src/preload/')), offenders.join(', ')).toBe(true)
  })

  it('keeps src/shared free of Node and of the other layers', () => {
    for (const f of files.filter((f) => rel(f).startsWith('src/shared/') && !f.endsWith('.test.ts'))) {
      for (const spec of importsOf(f)) {
        expect(spec.startsWith('node:') || ['fs', 'path', 'better-sqlite3', 'electron', 'react'].includes(spec), `${rel(f)} imports ${spec}`).toBe(false)
        expect(spec.includes('/main/') || spec.includes('/renderer/'), `${rel(f)} imports ${spec}`).toBe(false)
      }
    }
  })

  it('lets the renderer reach the main process only through types', () => {
    for (const f of files.filter((f) => rel(f).startsWith('src/renderer/'))) {
      const text = fs.readFileSync(f, 'utf8')
      for (const m of text.matchAll(/^import\s+(type\s+)?[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
        if (m[2].includes('/main/')) expect(m[1], `${rel(f)} imports a value from ${m[2]}`).toBe('type ')
      }
    }
  })
})

describe('the wiring of DESIGN.md', () => {
  const files = sourceFiles(path.join(root, 'src')).filter((f) => !f.endsWith('.test.ts'))
  const code = (f: string) => fs.readFileSync(f, 'utf8')

  it('constructs services only in the composition root', () => {
    const offenders = files.filter((f) => /new [A-Z]\w*Service\(/.test(code(f))).map(rel)
    expect(offenders).toEqual(['src/main/core/services.ts'])
  })

  it('lets core know the date only through the Clock', () => {
    const offenders = files.filter((f) => rel(f).startsWith('src/main/') && rel(f) !== 'src/main/core/clock.ts' && /todayIso\(/.test(code(f))).map(rel)
    expect(offenders).toEqual([])
  })

  it('keeps raw SQLite access in the store, the migrations and the modules not yet on typed reads', () => {
    const allowed = (f: string) => f === 'src/main/core/store.ts' || f.startsWith('src/main/core/migrations/') || RAW_SQL_STILL.includes(f)
    const raw = files.filter((f) => /\bstore\.db\b|this\.store\.db\b/.test(code(f))).map(rel)
    expect(raw.filter((f) => !allowed(f))).toEqual([])
    expect(RAW_SQL_STILL.filter((f) => !raw.includes(f)), 'remove the modules now on typed reads from the list').toEqual([])
  })

  it('types rows where they are read: no `as unknown as` in core, its tests included', () => {
    const core = sourceFiles(path.join(root, 'src/main/core'))
    const offenders = core.filter((f) => code(f).includes('as unknown as')).map(rel)
    expect(offenders.filter((f) => !UNKNOWN_CASTS_STILL.includes(f))).toEqual([])
    expect(UNKNOWN_CASTS_STILL.filter((f) => !offenders.includes(f)), 'remove the modules that no longer cast from the list').toEqual([])
  })

  it('stamps rows only through the Clock', () => {
    const offenders = files.filter((f) => rel(f).startsWith('src/main/') && rel(f) !== 'src/main/core/clock.ts' && /\bnowStamp\(/.test(code(f))).map(rel)
    expect(offenders.filter((f) => !STAMPS_STILL.includes(f))).toEqual([])
    expect(STAMPS_STILL.filter((f) => !offenders.includes(f)), 'remove the modules that no longer stamp with nowStamp from the list').toEqual([])
  })

  it('keeps modules small', () => {
    const long = files.map((f) => [rel(f), code(f).split('\n').length] as const).filter(([, n]) => n > 440)
    expect(long).toEqual([])
  })
})

describe('desktop packaging', () => {
  it('points Electron at the built shell and unpacks the native SQLite module from asar', () => {
    expect(pkg.main).toBe('out/main/index.js')
    const config = fs.readFileSync(path.join(root, 'electron.vite.config.ts'), 'utf8')
    expect(config).toContain("src/main/electron/main.ts")
    expect(pkg.build.files).toContain('out/**')
    expect(pkg.build.asarUnpack).toContain('node_modules/better-sqlite3/**')
    expect(pkg.build.npmRebuild).toBe(true)
    expect(pkg.dependencies['better-sqlite3']).toBeDefined()
    expect(pkg.dependencies.electron).toBeUndefined()
  })

  it('builds a Chinese NSIS installer for Windows and Linux packages', () => {
    expect(pkg.build.win.target[0].target).toBe('nsis')
    expect(pkg.build.nsis.installerLanguages).toEqual(['zh_CN'])
    expect(pkg.build.nsis.deleteAppDataOnUninstall).toBe(false)
    expect(pkg.build.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']))
  })

  it('names a CLI binary that loads the built CLI', () => {
    const bin = fs.readFileSync(path.join(root, pkg.bin.huanjie), 'utf8')
    expect(bin.startsWith('#!/usr/bin/env node')).toBe(true)
    expect(bin).toContain("'out', 'main', 'cli.js'")
  })
})
