// The platform modules (ARCHITECTURE.md): a base `x.ts` declares, `x.weapp.ts` and `x.h5.ts` implement, and
// test/build/platform-modules.check.ts makes the compiler hold each implementation to its base.
//
// Taro resolves `./name` to name.h5.ts or name.weapp.ts by the build's platform. Inside those two files the same
// specifier therefore resolves back to the file itself: a value imported from it is undefined at run time (the
// H5 cover upload once failed this way). Only types may be imported from the shared signature file.
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { test } from 'node:test'
import ts from 'typescript'

const ROOT = join(__dirname, '..', '..')
const SRC = join(ROOT, 'src')
const CHECK_FILE = join(ROOT, 'test', 'build', 'platform-modules.check.ts')
const PLATFORMS = ['weapp', 'h5']
const PLATFORM_FILE = /\.(h5|weapp)\.tsx?$/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

const platformFiles = (): string[] => sourceFiles(SRC).filter((file) => PLATFORM_FILE.test(file))
const project = (file: string): string => relative(ROOT, file)

/** `x.ts` or `x.tsx` beside a platform file or for a path without extension; undefined when there is none. */
function withExtension(stem: string): string | undefined {
  return ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => stem + ext).find((file) => existsSync(file))
}

test('platform files import only types from their own shared module', () => {
  const files = platformFiles()
  assert.ok(files.length > 5, 'platform files found')
  const offenders: string[] = []
  for (const file of files) {
    const base = file.replace(/^.*\//, '').replace(PLATFORM_FILE, '')
    const own = base === 'index' ? ['./', './index'] : [`./${base}`]
    const source = readFileSync(file, 'utf8')
    for (const [, spec, from] of source.matchAll(/^import\s+([\s\S]*?)\s+from\s+'([^']+)'/gm))
      if (own.includes(from) && importsAValue(spec)) offenders.push(project(file))
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

/** A file whose top level declares something ambient (`export declare function`, `declare const`): a base. */
function declaresAmbient(file: string): boolean {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  return source.statements.some(isAmbient)
}

function isAmbient(statement: ts.Statement): boolean {
  return (
    (ts.isVariableStatement(statement) || ts.isFunctionDeclaration(statement)) &&
    !!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)
  )
}

/** Every base (`x.ts` beside a platform file, or a file declaring ambiently), by project path. */
function bases(): string[] {
  const found = new Set<string>()
  for (const file of platformFiles()) found.add(file.replace(PLATFORM_FILE, ''))
  for (const file of sourceFiles(SRC))
    if (!PLATFORM_FILE.test(file) && declaresAmbient(file)) found.add(file.replace(/\.tsx?$/, ''))
  return [...found].sort()
}

test('every base has its file and both platform variants', () => {
  const missing: string[] = []
  for (const stem of bases()) {
    if (!withExtension(stem)) missing.push(`${project(stem)}.ts(x)`)
    for (const platform of PLATFORMS)
      if (!withExtension(`${stem}.${platform}`)) missing.push(`${project(stem)}.${platform}.ts(x)`)
  }
  assert.deepEqual(missing, [])
})

test('a base only declares: types, type imports and ambient declarations, no code that could run', () => {
  const offenders: string[] = []
  for (const stem of bases()) {
    const file = withExtension(stem)
    if (!file) continue
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
    for (const statement of source.statements) {
      const declaresOnly =
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        (ts.isImportDeclaration(statement) && !!statement.importClause?.isTypeOnly) ||
        isAmbient(statement) ||
        // `export default PhoneQuickFill` of a `declare const PhoneQuickFill`
        (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression))
      if (!declaresOnly) offenders.push(`${project(file)}: ${statement.getText(source).split('\n')[0]}`)
    }
  }
  assert.deepEqual(offenders, [])
})

/** The check file's `Implements<typeof import('base'), typeof import('variant')>` lines, as project paths. */
function checkedPairs(): Array<{ base: string; variant: string }> {
  const text = readFileSync(CHECK_FILE, 'utf8')
  const paths: Record<string, string> = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config
    .compilerOptions.paths
  const file = (spec: string): string => {
    const alias = Object.entries(paths).find(([key]) => spec.startsWith(key.replace(/\*$/, '')))
    const stem = alias
      ? join(ROOT, alias[1][0].replace(/\*$/, ''), spec.slice(alias[0].length - 1))
      : resolve(dirname(CHECK_FILE), spec)
    const found = withExtension(stem)
    return found ? project(found) : `${spec} (no such file)`
  }
  return [
    ...text.matchAll(/Implements<\s*typeof import\('([^']+)'\),\s*typeof import\('([^']+)'\)\s*>/g),
  ].map(([, base, variant]) => ({ base: file(base), variant: file(variant) }))
}

test('the check file holds every platform file against its own base', () => {
  const pairs = checkedPairs()
  const checked = new Map(pairs.map(({ base, variant }) => [variant, base]))
  const unchecked: string[] = []
  for (const variant of platformFiles()) {
    const base = withExtension(variant.replace(PLATFORM_FILE, ''))
    const against = checked.get(project(variant))
    if (!base || against !== project(base))
      unchecked.push(`${project(variant)} (checked against ${against ?? 'nothing'})`)
  }
  assert.deepEqual(unchecked, [])
  // and every line there names a platform file
  const platform = new Set(platformFiles().map(project))
  assert.deepEqual(
    pairs.filter(({ variant }) => !platform.has(variant)),
    [],
  )
})
