// Bundles every cloud function (cloudfunctions/<name>/index.ts) into dist/cloudfunctions/<name>/,
// the folder WeChat DevTools uploads and the local emulator runs; keeps cloudbaserc.json (the CloudBase CLI's
// view of the same config.json files) up to date and fails when a folder is over its size budget.
import { readdirSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildFunction } from '@functions/build'
import { writeCloudbaseConfig } from './cloudbaserc'
import { checkSizeBudgets } from './function-sizes'
import { writeActionIndex } from './action-index'

export const FUNCTIONS_SRC = resolve(__dirname, '..', 'cloudfunctions')
export const FUNCTIONS_OUT = resolve(__dirname, '..', 'dist', 'cloudfunctions')
/** source maps of the bundles, outside the folders that are uploaded */
export const SOURCEMAPS_OUT = resolve(__dirname, '..', 'dist', 'sourcemaps')

/** Function names: folders of cloudfunctions/ that have an index.ts (lib/ and the like are not functions). */
export function functionNames(): string[] {
  return readdirSync(FUNCTIONS_SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FUNCTIONS_SRC, d.name, 'index.ts')))
    .map((d) => d.name)
}

export async function buildAllFunctions(outDir = FUNCTIONS_OUT): Promise<string[]> {
  if (writeActionIndex()) console.log('cloudfunctions/api/actions/index.ts rewritten from the action files')
  const names = functionNames()
  for (const name of names) await buildFunction(name, outDir, { sourcemapDir: SOURCEMAPS_OUT })
  if (writeCloudbaseConfig(names)) console.log('cloudbaserc.json updated from the functions’ config.json')
  for (const line of checkSizeBudgets(outDir, names)) console.log(`  ${line}`)
  return names
}

if (require.main === module) {
  buildAllFunctions()
    .then((names) => console.log(`built cloud functions: ${names.join(', ')} → ${FUNCTIONS_OUT}`))
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err)
      process.exit(1)
    })
}
