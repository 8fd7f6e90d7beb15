import fs from 'node:fs'
import { renderDossierBatch } from './src/main/core/exports/dossier-pdf'
import { pdfFonts } from './src/main/core/exports/fonts'
import { sampleDossier } from './src/main/core/exports/testing/sample-dossier'
;(async () => {
  const n = Number(process.argv[2])
  const list = Array.from({ length: n }, (_, i) => sampleDossier(i, 8))
  const t = Date.now()
  const b = await renderDossierBatch(list, { scope: '青山镇', unit: '青山镇', date: '2026-03-01' }, pdfFonts())
  fs.writeFileSync('/tmp/i5probe/b.pdf', b)
  console.log(n, 'total', Date.now() - t, 'rss', process.memoryUsage().rss >> 20)
})()
