// Which JavaScript syntax a built file uses beyond a given ECMAScript edition. The weapp build must stay within
// ES2015: project.config.json has es6/enhance off, so WeChat DevTools uploads our files as they are, and older
// phone engines (iOS 10's JavaScriptCore) reject `?.`, `??`, `{...spread}`, `catch {}`, `**`, async functions.
// Run on its own: `npx tsx test/build/syntax.ts dist/weapp`.
import { parse, type Node, type Options } from 'acorn'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

export interface Finding {
  line: number
  column: number
  /** e.g. 'optional chaining `?.` (ES2020)' */
  construct: string
}

type AnyNode = Node & Record<string, unknown>

/** The constructs newer than ES2015 that compilers emit, each with the edition that brought it. */
function newerConstruct(node: AnyNode): [string, number] | undefined {
  switch (node.type) {
    case 'ChainExpression':
      return ['optional chaining `?.`', 2020]
    case 'LogicalExpression':
      return node.operator === '??' ? ['nullish coalescing `??`', 2020] : undefined
    case 'BinaryExpression':
      return node.operator === '**' ? ['exponent operator `**`', 2016] : undefined
    case 'AssignmentExpression':
      if (node.operator === '**=') return ['exponent assignment `**=`', 2016]
      if (['&&=', '||=', '??='].includes(node.operator as string))
        return [`logical assignment \`${node.operator}\``, 2021]
      return undefined
    case 'ObjectExpression':
      return (node.properties as AnyNode[]).some((p) => p.type === 'SpreadElement')
        ? ['object spread `{...x}`', 2018]
        : undefined
    case 'ObjectPattern':
      return (node.properties as AnyNode[]).some((p) => p.type === 'RestElement')
        ? ['object rest `{...rest} =`', 2018]
        : undefined
    case 'CatchClause':
      return node.param === null ? ['optional catch binding `catch {}`', 2019] : undefined
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      if (node.async && node.generator) return ['async generator function', 2018]
      return node.async ? ['async function', 2017] : undefined
    case 'AwaitExpression':
      return ['`await`', 2017]
    case 'ForOfStatement':
      return node.await ? ['`for await`', 2018] : undefined
    case 'ImportExpression':
      return ['dynamic `import()`', 2020]
    case 'MetaProperty':
      return (node.meta as AnyNode).name === 'import' ? ['`import.meta`', 2020] : undefined
    case 'PropertyDefinition':
      return ['class field', 2022]
    case 'PrivateIdentifier':
      return ['private class member `#x`', 2022]
    case 'StaticBlock':
      return ['class `static {}` block', 2022]
    case 'Literal':
      if (node.bigint !== undefined) return ['BigInt literal', 2020]
      if (typeof node.value === 'number' && String(node.raw).includes('_'))
        return ['numeric separator `1_000`', 2021]
      if (node.regex) {
        const { pattern, flags } = node.regex as { pattern: string; flags: string }
        if (flags.includes('s')) return ['regular expression flag `s`', 2018]
        if (/\(\?<[=!]/.test(pattern)) return ['regular expression lookbehind', 2018]
        if (/\(\?<[A-Za-z_$]/.test(pattern)) return ['regular expression named group', 2018]
        if (/\\[pP]\{/.test(pattern) && flags.includes('u')) return ['regular expression `\\p{…}`', 2018]
        if (/[dv]/.test(flags)) return [`regular expression flag \`${flags}\``, 2022]
      }
      return undefined
    default:
      return undefined
  }
}

function walk(value: unknown, visit: (node: AnyNode) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit)
    return
  }
  if (!value || typeof value !== 'object') return
  const node = value as AnyNode
  if (typeof node.type === 'string') visit(node)
  for (const [key, child] of Object.entries(node)) {
    if (key !== 'loc' && child && typeof child === 'object') walk(child, visit)
  }
}

/** Every construct in `code` newer than ES`edition`; [] when the code parses as that edition. */
export function newerSyntax(code: string, edition = 2015): Finding[] {
  const base: Options = {
    ecmaVersion: edition as Options['ecmaVersion'],
    sourceType: 'script',
    locations: true,
  }
  try {
    parse(code, base)
    return []
  } catch (strictError) {
    const findings: Finding[] = []
    try {
      const ast = parse(code, { ...base, ecmaVersion: 'latest' })
      walk(ast, (node) => {
        const found = newerConstruct(node)
        if (found && found[1] > edition && node.loc) {
          findings.push({
            line: node.loc.start.line,
            column: node.loc.start.column + 1,
            construct: `${found[0]} (ES${found[1]})`,
          })
        }
      })
    } catch {
      // not even modern JavaScript: the strict parser's message below says where
    }
    if (findings.length > 0) return findings
    // something newer that the list above does not name (e.g. a trailing comma in a call): acorn says where
    const { loc, message } = strictError as { loc?: { line: number; column: number }; message: string }
    return [
      { line: loc?.line ?? 0, column: (loc?.column ?? 0) + 1, construct: `not ES${edition}: ${message}` },
    ]
  }
}

export function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return jsFiles(path)
    return entry.name.endsWith('.js') ? [path] : []
  })
}

/** One line per offending file: `path: construct ×count (line:col, …)`. */
export function checkDir(dir: string, edition = 2015): { files: number; problems: string[] } {
  const files = jsFiles(dir)
  const problems: string[] = []
  for (const file of files) {
    const findings = newerSyntax(readFileSync(file, 'utf8'), edition)
    if (findings.length === 0) continue
    const byConstruct = new Map<string, Finding[]>()
    for (const f of findings) byConstruct.set(f.construct, [...(byConstruct.get(f.construct) ?? []), f])
    const summary = [...byConstruct].map(([construct, list]) => {
      const where = list
        .slice(0, 3)
        .map((f) => `${f.line}:${f.column}`)
        .join(', ')
      return `${construct} ×${list.length} (${where}${list.length > 3 ? ', …' : ''})`
    })
    problems.push(`${relative(process.cwd(), file)}: ${summary.join('; ')}`)
  }
  return { files: files.length, problems }
}

if (require.main === module) {
  const dir = process.argv[2] ?? join(__dirname, '..', '..', 'dist', 'weapp')
  const { files, problems } = checkDir(dir)
  console.log(problems.length ? problems.join('\n') : `${files} files: all ES2015`)
  process.exit(problems.length ? 1 : 0)
}
