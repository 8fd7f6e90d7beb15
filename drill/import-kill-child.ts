/** One import as the window runs it (preview, then the batched commit), in a process of its own for import-kill.drill.ts to kill. */
import { buildServices } from '../src/main/core/services'
import { Store } from '../src/main/core/store'

async function main(): Promise<void> {
  const [db, roster] = process.argv.slice(2)
  const store = Store.fileStore(db)
  const imports = buildServices(store).imports
  const { analysis } = await imports.read('persons', { path: roster })
  process.stdout.write('committing\n')
  const summary = await imports.commitInBatches(analysis)
  store.close()
  process.stdout.write(`done ${summary.added}\nrss ${Math.round(process.resourceUsage().maxRSS / 1024)}\n`)
}

void main()
