// Taro resolves `./name` to name.h5.ts or name.weapp.ts by the build's platform. Inside those two files the same
// specifier therefore resolves back to the file itself: a value imported from it is undefined at run time (the
// H5 cover upload once failed this way). Only types may be imported from the shared signature file.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'

const SRC = join(__dirname, '..', '..', 'src')

function platformFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return platformFiles(path)
    return /\.(h5|weapp)\.tsx?$/.test(entry.name) ? [path] : []
  })
}

test('platform files import only types from their own shared module', () => {
  const files = platformFiles(SRC)
  assert.ok(files.length > 5, 'platform files found')
  const offenders: string[] = []
  for (const file of files) {
    const base = file.replace(/^.*\//, '').replace(/\.(h5|weapp)\.tsx?$/, '')
    const source = readFileSync(file, 'utf8')
    for (const [, spec, from] of source.matchAll(/^import\s+([\s\S]*?)\s+from\s+'([^']+)'/gm))
      if (from === `./${base}` && importsAValue(spec)) offenders.push(file.slice(SRC.length + 1))
  }
  assert.deepEqual(offenders, [])
})

/** `type X` and `{ type A, type B }` bring only types; anything else brings a value. */
function importsAValue(spec: string): boolean {
  if (spec.startsWith('type ')) return false
  const names = /^\{([\s\S]*)\}$/
    .exec(spec.trim())?.[1]
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
  return !names || names.some((name) => !name.startsWith('type '))
}
