// What each built function folder weighs, raw and zipped (the folder is what WeChat DevTools and the CloudBase
// CLI zip and upload), against a budget per function: the build fails when one is over.
// CloudBase documents an upload limit for a function's code package (tens of MB zipped; the exact figure for
// DevTools uploads is not documented where we could check). The budgets sit far below any such limit, because a
// smaller package is downloaded and started faster on a cold instance: they catch a heavy dependency or a font
// that slips in.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { deflateRawSync } from 'node:zlib'

const MB = 1_000_000
const KB = 1_000

export interface SizeBudget {
  raw: number
  zipped: number
}

/** Bytes per function folder; a function not listed gets DEFAULT_BUDGET. */
export const SIZE_BUDGETS: Record<string, SizeBudget> = {
  api: { raw: 3 * MB, zipped: 1 * MB },
  remind: { raw: 200 * KB, zipped: 100 * KB },
  // fonts (~18 MB of Noto Sans SC subsets), resvg.wasm (2.5 MB), satori and yoga
  poster: { raw: 25 * MB, zipped: 20 * MB },
}
export const DEFAULT_BUDGET: SizeBudget = { raw: 3 * MB, zipped: 1 * MB }

export interface FolderSize {
  raw: number
  /** the size of a zip of the folder: each file deflated (level 9) plus zip's headers */
  zipped: number
  files: { path: string; bytes: number }[]
}

export function folderSize(dir: string): FolderSize {
  const files = list(dir).map((path) => ({ path: relative(dir, path), bytes: statSync(path).size }))
  let zipped = 22 // end of central directory
  for (const { path } of files) {
    const data = readFileSync(join(dir, path))
    const name = Buffer.byteLength(path)
    // local file header (30) and central directory entry (46), each with the name; stored if deflate does not pay
    zipped += 30 + 46 + 2 * name + Math.min(data.length, deflateRawSync(data, { level: 9 }).length)
  }
  return { raw: files.reduce((sum, f) => sum + f.bytes, 0), zipped, files }
}

function list(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? list(path) : [path]
  })
}

export const mb = (bytes: number): string => `${(bytes / MB).toFixed(2)} MB`

/** One line per function with its size and budget; throws naming every function over its budget. */
export function checkSizeBudgets(outDir: string, names: string[]): string[] {
  const lines: string[] = []
  const over: string[] = []
  for (const name of names) {
    const size = folderSize(join(outDir, name))
    const budget = SIZE_BUDGETS[name] ?? DEFAULT_BUDGET
    const line =
      `${name}: ${mb(size.raw)} raw (budget ${mb(budget.raw)}), ` +
      `${mb(size.zipped)} zipped (budget ${mb(budget.zipped)})`
    lines.push(line)
    if (size.raw > budget.raw || size.zipped > budget.zipped) over.push(line)
  }
  if (over.length) {
    throw new Error(
      `cloud function folders over their size budget (config/function-sizes.ts):\n  ${over.join('\n  ')}`,
    )
  }
  return lines
}
