// Build sizes: the weapp main package (WeChat's limit is 2 MB; our budget is 600 KB), each subpackage (the NGO
// console, the volunteer's attendance and certificates; limit 2 MB; budget 500 KB each) and the H5 app.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { taroBuild } from '@config/run'

const ROOT = resolve(__dirname, '..', '..')
const BUDGET_KB = 600
const SUBPACKAGE_BUDGET_KB = 500
const SUBPACKAGES = ['ngo', 'volunteer']

function files(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? files(path) : [{ path, bytes: statSync(path).size }]
  })
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`

function report(label: string, dir: string, exclude: string[] = []): number {
  const all = files(dir).filter((f) => !exclude.some((e) => f.path.startsWith(e + '/')))
  const total = all.reduce((sum, f) => sum + f.bytes, 0)
  console.log(`${label}: ${all.length} files, ${kb(total)}`)
  for (const f of [...all].sort((a, b) => b.bytes - a.bytes).slice(0, 8)) {
    console.log(`  ${kb(f.bytes).padStart(10)}  ${relative(dir, f.path)}`)
  }
  return total
}

const weapp = join(ROOT, 'dist', 'weapp')
const h5 = join(ROOT, 'dist', 'h5')
if (!process.argv.includes('--no-build') || !existsSync(weapp)) taroBuild('weapp')
if (!process.argv.includes('--no-build') || !existsSync(h5)) taroBuild('h5')
const subpackages = SUBPACKAGES.map((name) => join(weapp, 'packages', name))
const weappMain = report('weapp main package', weapp, subpackages)
console.log(`  budget ${BUDGET_KB} KB: ${weappMain <= BUDGET_KB * 1024 ? 'within' : 'OVER'}`)
for (const dir of subpackages) {
  const total = report(`weapp subpackage ${relative(weapp, dir)}`, dir)
  console.log(
    `  budget ${SUBPACKAGE_BUDGET_KB} KB: ${total <= SUBPACKAGE_BUDGET_KB * 1024 ? 'within' : 'OVER'}`,
  )
}
report('h5', h5)
