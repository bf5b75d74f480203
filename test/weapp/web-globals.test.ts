// A static first line under the sandbox: the weapp bundle must not use, unguarded, a global that browsers and Node
// have and WeChat's JS engines do not. Every .js of dist/weapp is parsed (acorn) and each free reference to one of
// those names is reported unless it sits under a `typeof NAME` check or the name is declared in that file. Known
// unreachable uses are listed with the reason; the sandbox (pages.test.ts, checkin.test.ts) is the real proof.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse } from 'acorn'
import { WEAPP_DIR, whyNotRunnable } from './harness'

const WEB_ONLY = new Set([
  'window',
  'document',
  'TextEncoder',
  'TextDecoder',
  'URL',
  'URLSearchParams',
  'atob',
  'btoa',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'navigator',
  'location',
  'structuredClone',
  'queueMicrotask',
])

/** uses that cannot run on a phone, each with why (the code around it, matched) */
const UNREACHABLE: { name: string; around: RegExp; why: string }[] = [
  {
    name: 'TextEncoder',
    around: /\.BYTE[,;]\s*this\.data\s*=\s*["']string["']\s*===?\s*typeof \w+\s*\?\s*\(?\s*new TextEncoder/,
    why: "qrcode's ByteData encodes strings itself; QrImage/qr.ts only ever gives it bytes",
  },
]

type AstNode = { type: string; start: number; end: number; [key: string]: unknown }

function jsFiles(dir = WEAPP_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return jsFiles(path)
    return entry.name.endsWith('.js') ? [path] : []
  })
}

/** names declared anywhere in the file (a declared `URL` is the file's own, e.g. Taro's URL class) */
function declared(ast: AstNode): Set<string> {
  const names = new Set<string>()
  visit(ast, [], (node) => {
    if (
      node.type === 'VariableDeclarator' ||
      node.type === 'FunctionDeclaration' ||
      node.type === 'ClassDeclaration'
    ) {
      const id = (node.id as AstNode | null) ?? null
      if (id?.type === 'Identifier') names.add(id.name as string)
    }
    if (node.type.includes('Function')) {
      for (const p of node.params as AstNode[]) if (p.type === 'Identifier') names.add(p.name as string)
    }
  })
  return names
}

function visit(node: AstNode, parents: AstNode[], fn: (node: AstNode, parents: AstNode[]) => void): void {
  fn(node, parents)
  for (const value of Object.values(node)) {
    const children = Array.isArray(value) ? value : [value]
    for (const child of children) {
      if (child && typeof child === 'object' && typeof (child as AstNode).type === 'string') {
        visit(child as AstNode, [...parents, node], fn)
      }
    }
  }
}

/** `typeof NAME` somewhere in `node` */
function checksTypeof(node: unknown, name: string): boolean {
  let found = false
  if (node && typeof node === 'object') {
    visit(node as AstNode, [], (n) => {
      const arg = n.argument as AstNode | undefined
      if (
        n.type === 'UnaryExpression' &&
        n.operator === 'typeof' &&
        arg?.type === 'Identifier' &&
        arg.name === name
      ) {
        found = true
      }
    })
  }
  return found
}

function guarded(name: string, node: AstNode, parents: AstNode[]): boolean {
  const chain = [...parents, node]
  for (let i = chain.length - 2; i >= 0; i--) {
    const p = chain[i]
    const child = chain[i + 1]
    if (p.type === 'UnaryExpression' && p.operator === 'typeof') return true
    if (
      (p.type === 'ConditionalExpression' || p.type === 'IfStatement') &&
      child !== p.test &&
      checksTypeof(p.test, name)
    ) {
      return true
    }
    if (p.type === 'LogicalExpression' && child === p.right && checksTypeof(p.left, name)) return true
    if (p.type === 'TryStatement' && child === p.block) return true
  }
  return false
}

test('the weapp bundle uses no browser-only global unguarded', { skip: whyNotRunnable() }, () => {
  const found: string[] = []
  const files = jsFiles()
  assert.ok(files.length > 10)
  for (const file of files) {
    const source = readFileSync(file, 'utf8')
    const ast = parse(source, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
    }) as unknown as AstNode
    const own = declared(ast)
    visit(ast, [], (node, parents) => {
      if (node.type !== 'Identifier' || !WEB_ONLY.has(node.name as string) || own.has(node.name as string))
        return
      const parent = parents.at(-1)
      if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return
      if (
        (parent?.type === 'Property' || parent?.type === 'MethodDefinition') &&
        parent.key === node &&
        !parent.computed
      )
        return
      const name = node.name as string
      if (guarded(name, node, parents)) return
      const around = source.slice(Math.max(0, node.start - 120), node.end + 80)
      if (UNREACHABLE.some((u) => u.name === name && u.around.test(around))) return
      found.push(
        `${relative(WEAPP_DIR, file)}: ${name} in …${source.slice(Math.max(0, node.start - 60), node.end + 40)}…`,
      )
    })
  }
  assert.deepEqual(found, [])
})
