/**
 * Every benchmark of the project, each in a fresh process so one's memory does not colour the next.
 * `npm run bench -- dossiers voters` runs only the named ones (a file's name without .ts).
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'

const BENCHES = ['import.ts', 'window-import.ts', 'exports.ts', 'dossiers.ts', 'voters.ts', 'voter-scale.ts', 'rosters.ts']

const wanted = process.argv.slice(2)
const chosen = wanted.length === 0 ? BENCHES : BENCHES.filter((f) => wanted.some((w) => f.replace(/\.ts$/, '') === w))
if (chosen.length === 0) {
  console.error(`没有名为 ${wanted.join('、')} 的基准；可选：${BENCHES.map((f) => f.replace(/\.ts$/, '')).join('、')}`)
  process.exit(2)
}

for (const file of chosen) {
  console.log(`\n== ${file}`)
  execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, file)], { stdio: 'inherit' })
}
