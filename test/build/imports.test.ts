// The house rules of the import graph (ARCHITECTURE.md): no cycles, no file importing a layer above its own, and
// every project import resolving to a file. Layers, lowest first: the data model, shared helpers, the features of
// src/core; then the client (services < components < pages) and the functions (lib < api and the other functions).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cycles, importGraph } from './import-graph'

/** folder → the folders its files may import (the longest matching folder decides) */
const MAY_IMPORT: Record<string, string[]> = {
  'src/core/model.ts': [],
  'src/core/shared': ['src/core/model.ts', 'src/core/shared'],
  'src/core': ['src/core'],
  'src/services': ['src/core', 'src/services'],
  'src/components': ['src/core', 'src/services', 'src/components'],
  'src/pages': ['src/core', 'src/services', 'src/components', 'src/pages'],
  'src/packages': ['src/core', 'src/services', 'src/components', 'src/packages'],
  'src/app': ['src/core', 'src/services', 'src/components', 'src/app'],
  'cloudfunctions/lib': ['src/core', 'cloudfunctions/lib'],
  'cloudfunctions/api': ['src/core', 'cloudfunctions/lib', 'cloudfunctions/api'],
  'cloudfunctions/poster': ['src/core', 'cloudfunctions/lib', 'cloudfunctions/poster'],
  'cloudfunctions/remind': ['src/core', 'cloudfunctions/lib', 'cloudfunctions/remind'],
  'cloudfunctions/build.ts': ['cloudfunctions/runtime.ts'],
  'cloudfunctions/runtime.ts': [],
  emulator: ['emulator', 'src/core', 'cloudfunctions/runtime.ts'],
  config: ['config', 'emulator', 'cloudfunctions/build.ts', 'cloudfunctions/runtime.ts'],
  types: ['types'],
  test: ['test', 'src', 'cloudfunctions', 'emulator', 'config'],
}

function layerOf(file: string): string {
  const layer = Object.keys(MAY_IMPORT)
    .filter((folder) => file === folder || file.startsWith(`${folder}/`) || file.startsWith(`${folder}.`))
    .sort((a, b) => b.length - a.length)[0]
  if (!layer) throw new Error(`${file} is in no layer: add its folder to MAY_IMPORT`)
  return layer
}

const graph = importGraph()

test('every project import resolves to a file', () => {
  assert.deepEqual(graph.unresolved, [])
})

test('the import graph has no cycles', () => {
  assert.deepEqual(cycles(graph.edges), [])
})

test('no file imports a layer above its own', () => {
  const upward: string[] = []
  for (const [file, targets] of graph.edges) {
    const allowed = MAY_IMPORT[layerOf(file)]
    for (const target of targets) {
      const ok = allowed.some(
        (folder) => target === folder || target.startsWith(`${folder}/`) || target.startsWith(`${folder}.`),
      )
      if (!ok) upward.push(`${file} → ${target}`)
    }
  }
  assert.deepEqual(upward, [])
})

test('the rules themselves catch what they are for', () => {
  // a cycle of three and a self-import are found; a chain is not
  const ring = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a']],
    ['d', ['d']],
    ['e', ['a']],
  ])
  assert.deepEqual(cycles(ring), [['a', 'b', 'c'], ['d']])
  assert.equal(layerOf('src/core/model.ts'), 'src/core/model.ts')
  assert.equal(layerOf('src/core/shared/errors.ts'), 'src/core/shared')
  assert.equal(layerOf('src/core/calls/rules.ts'), 'src/core')
  assert.ok(!MAY_IMPORT[layerOf('src/core/calls/rules.ts')].includes('src/services'))
})
