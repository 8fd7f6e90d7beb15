/** Every benchmark of the project, each in a fresh process so one's memory does not colour the next. */
import { execFileSync } from 'node:child_process'
import path from 'node:path'

const BENCHES = ['import.ts', 'window-import.ts', 'exports.ts', 'dossiers.ts', 'voters.ts', 'voter-scale.ts', 'rosters.ts']

for (const file of BENCHES) {
  console.log(`\n== ${file}`)
  execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, file)], { stdio: 'inherit' })
}
