import { benchExports } from './exports'

async function main(): Promise<void> {
  await benchExports()
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
