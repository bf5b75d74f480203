// npm run bench: builds the functions, then runs each test/bench/*.bench.ts in its own process and lets it
// print its figures. Benchmarks measure; they assert nothing about time.
import { readdirSync } from 'node:fs'
import { run } from '@config/run'
import { buildAllFunctions } from '@config/build-functions'

async function main(): Promise<void> {
  await buildAllFunctions()
  const only = process.argv.slice(2)
  const dir = __dirname
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  for (const file of files) {
    console.log(`\n=== ${file}`)
    run(process.execPath, ['--import', 'tsx', `${dir}/${file}`])
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
