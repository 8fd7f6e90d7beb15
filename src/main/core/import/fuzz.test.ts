import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fuzzCorpus, type FuzzFile } from '../../../../tests/fixtures/fuzz-corpus'
import { registerMark, tryImport } from '../../../../tests/fixtures/fuzz-run'
import { Store } from '../store'
import { testServices, useTempDir } from '../test-support'

const tempDir = useTempDir()
let corpus: FuzzFile[]

beforeAll(async () => {
  // The full corpus, with big files at full size, is `npm run drill`'s (drill/import-fuzz.drill.ts).
  corpus = await fuzzCorpus({ seed: 15, flips: 8, scale: 0.01 })
}, 60_000)

describe('a slice of the fuzz corpus (mutated rosters)', () => {
  it('holds about thirty files, valid ones among them', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(28)
    expect(corpus.filter((f) => f.valid).length).toBeGreaterThanOrEqual(5)
  })

  for (const route of ['window', 'cli'] as const) {
    it(`through the ${route === 'window' ? "window's preview and commit" : "CLI's one-pass import"}: no hang, no stack trace, refused files change nothing, valid ones land`, async () => {
      const store = Store.fileStore(path.join(tempDir(), 'office.db'))
      const imports = testServices(store).imports
      const bad: string[] = []
      try {
        for (const file of corpus) {
          const before = registerMark(store)
          const r = await tryImport(imports, file, route, 20_000)
          const after = registerMark(store)
          if (r.outcome === 'failed') bad.push(`${file.mutation}: ${r.message}`)
          else if (r.outcome === 'refused' && after !== before) bad.push(`${file.mutation}: 拒绝了却改动了登记（${before} → ${after}）`)
          else if (file.valid && r.outcome !== 'accepted') bad.push(`${file.mutation}: 有效文件被拒绝：${r.message}`)
          // Each valid file lands whole once: persons are the same people, so later ones leave them unchanged.
          store.db.exec('DELETE FROM persons')
        }
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok')
      } finally {
        store.close()
      }
      expect(bad).toEqual([])
    }, 240_000)
  }
})
