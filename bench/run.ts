import { run as importBench } from './import'

/** Every benchmark of the project, one after the other: `npm run bench`. */
const BENCHES: { name: string; run: () => Promise<void> }[] = [{ name: '导入（issue 4）', run: importBench }]

async function main(): Promise<void> {
  for (const b of BENCHES) {
    console.log(`== ${b.name} ==`)
    await b.run()
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
