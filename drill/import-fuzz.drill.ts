import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildServices } from '../src/main/core/services'
import { Store } from '../src/main/core/store'
import { fuzzCorpus } from '../tests/fixtures/fuzz-corpus'
import { registerMark, tryImport } from '../tests/fixtures/fuzz-run'
import type { DrillRow } from './types'

const LIMIT_MS = 60_000
const MEMORY_MB = 500

/**
 * The generated corpus of mutated rosters through both import paths (the window's preview and batched commit;
 * the CLI's one pass), one file at a time in this process with the resident memory sampled throughout: no
 * file may hang, end in a stack trace, change the register when refused, refuse a valid roster, or take the
 * process past 500 MB.
 */
export const drill = {
  name: 'import-fuzz',
  async run(opts: { quick: boolean }): Promise<DrillRow[]> {
    const corpus = await fuzzCorpus(opts.quick ? { seed: 1502, flips: 6, scale: 0.03 } : { seed: 1501, flips: 280, scale: 1 })
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-fuzz-'))
    const rows: DrillRow[] = []
    try {
      for (const route of ['window', 'cli'] as const) {
        const store = Store.fileStore(path.join(dir, `${route}.db`))
        const imports = buildServices(store).imports
        let peak = 0
        const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25)
        const failed: string[] = []
        let worst = 0
        // Quick: the CLI's path takes every other file (both paths share the reader; the minute is the budget).
        const files = opts.quick && route === 'cli' ? corpus.filter((_, i) => i % 2 === 0) : corpus
        for (const file of files) {
          const before = registerMark(store)
          const r = await tryImport(imports, file, route, LIMIT_MS)
          worst = Math.max(worst, r.ms)
          if (r.outcome === 'failed') failed.push(`${file.mutation}：${r.message.split('\n')[0]}`)
          else if (r.outcome === 'refused' && registerMark(store) !== before) failed.push(`${file.mutation}：拒绝了却改动了登记`)
          else if (file.valid && r.outcome !== 'accepted') failed.push(`${file.mutation}：有效文件被拒绝`)
          store.db.exec('DELETE FROM persons')
        }
        clearInterval(sample)
        if (store.db.pragma('integrity_check', { simple: true }) !== 'ok') failed.push('数据库完整性检查未通过')
        store.close()
        const peakMb = peak / 1024 / 1024
        if (peakMb > MEMORY_MB) failed.push(`峰值内存 ${peakMb.toFixed(0)} MB 超过 ${MEMORY_MB} MB`)
        rows.push({
          drill: `import-fuzz ${route === 'window' ? '窗口（预览+分批提交）' : '命令行（一遍读写）'}`,
          trials: files.length,
          failures: failed.length,
          worstMs: Math.round(worst),
          peakMb: Math.round(peakMb),
          note: failed.length ? failed.slice(0, 3).join('；') : undefined
        })
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
    return rows
  }
}
