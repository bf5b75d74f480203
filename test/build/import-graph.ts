// The project's own import graph, read from the sources: which file imports which (relative paths and the
// tsconfig aliases both resolve to files; a platform base `x.ts` also stands for its `x.weapp.ts` / `x.h5.ts`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

export const ROOT = resolve(__dirname, '..', '..')
const SOURCE_DIRS = ['src', 'cloudfunctions', 'emulator', 'config', 'test', 'types']
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.json', '/index.ts', '/index.tsx']
const PLATFORMS = ['weapp', 'h5']

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'fixtures' ? [] : sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : []
  })
}

/** tsconfig's paths, e.g. `@core/*` → `src/core/*`. */
function aliases(): Array<{ prefix: string; target: string }> {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config
  const paths: Record<string, string[]> = config.compilerOptions.paths ?? {}
  return Object.entries(paths).map(([key, [target]]) => ({
    prefix: key.replace(/\*$/, ''),
    target: join(ROOT, config.compilerOptions.baseUrl ?? '.', target.replace(/\*$/, '')),
  }))
}

function resolveFile(base: string): string | undefined {
  for (const ext of ['', ...EXTENSIONS]) {
    const path = base + ext
    if (existsSync(path) && statSync(path).isFile()) return path
  }
  return undefined
}

/** The platform files a base file stands for (`x.ts` → `x.weapp.ts`, `x.h5.ts`). */
function platformVariants(file: string): string[] {
  const match = /^(.*)\.(tsx?)$/.exec(file)
  if (!match) return []
  return PLATFORMS.flatMap((p) =>
    ['ts', 'tsx'].map((ext) => `${match[1]}.${p}.${ext}`).filter((variant) => existsSync(variant)),
  )
}

export interface ImportGraph {
  /** project-relative file → the project-relative files it imports */
  edges: Map<string, string[]>
  /** specifiers that look like project paths but resolve to no file */
  unresolved: Array<{ file: string; specifier: string }>
}

export function importGraph(): ImportGraph {
  const alias = aliases()
  const edges = new Map<string, string[]>()
  const unresolved: ImportGraph['unresolved'] = []
  for (const dir of SOURCE_DIRS) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
      const targets = new Set<string>()
      for (const { fileName: specifier } of info.importedFiles) {
        let base: string | undefined
        if (specifier.startsWith('.')) base = resolve(dirname(file), specifier)
        else {
          const hit = alias.find((a) => specifier.startsWith(a.prefix))
          if (hit) base = join(hit.target, specifier.slice(hit.prefix.length))
        }
        if (!base) continue
        const target = resolveFile(base)
        if (!target) {
          unresolved.push({ file: relative(ROOT, file), specifier })
          continue
        }
        // a platform file importing its own base takes only its types: no edge to its sibling implementation
        const ownBase = file.replace(/\.(weapp|h5)\.(tsx?)$/, '.$2') === target
        for (const t of ownBase ? [target] : [target, ...platformVariants(target)])
          targets.add(relative(ROOT, t))
      }
      edges.set(relative(ROOT, file), [...targets])
    }
  }
  return { edges, unresolved }
}

/** Strongly connected components with more than one file (or a file importing itself): the import cycles. */
export function cycles(edges: Map<string, string[]>): string[][] {
  let index = 0
  const stack: string[] = []
  const onStack = new Set<string>()
  const indices = new Map<string, number>()
  const low = new Map<string, number>()
  const found: string[][] = []
  const visit = (v: string): void => {
    indices.set(v, index)
    low.set(v, index)
    index++
    stack.push(v)
    onStack.add(v)
    for (const w of edges.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!))
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component.sort())
    }
  }
  for (const v of edges.keys()) if (!indices.has(v)) visit(v)
  return found
}
