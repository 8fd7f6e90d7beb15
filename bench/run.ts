/** Runs every benchmark in this folder, one after another. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.ts') && f !== 'run.ts').sort()) {
  console.log(`\n== ${file}`)
  execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, file)], { stdio: 'inherit' })
}
