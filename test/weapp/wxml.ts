// WeChat's own template compilers on the built mini program: `wcc` turns every .wxml (with its imports and .wxs)
// into the render layer's `$gwx`, `wcsc` every .wxss into style sheets. Both come from the npm package
// `miniprogram-compiler` (installed with scripts off: we set the binaries' run bit). `$gwx(path)(data)` gives the
// virtual tree WeChat's render layer would draw for a page's data: this is how the sandbox "looks at the screen".
import { chmodSync, existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, posix, relative } from 'node:path'
import vm from 'node:vm'

interface Compiler {
  wxmlToJs(root: string, opts?: { maxBuffer?: number; wxmlList?: string[] }): string
  wxssToJs(root: string, opts?: { maxBuffer?: number; wxssList?: string[] }): string
}

const requireHere = createRequire(__filename)
const PACKAGE_DIR = dirname(requireHere.resolve('miniprogram-compiler/package.json'))
const compiler = requireHere('miniprogram-compiler') as Compiler

/** the package ships the binaries without their run bit when install scripts are off */
export function wechatCompilers(): { wcc: string; wcsc: string } {
  const bin = join(PACKAGE_DIR, 'bin', 'linux')
  const wcc = join(bin, 'wcc')
  const wcsc = join(bin, 'wcsc')
  for (const file of [wcc, wcsc]) {
    if (!existsSync(file)) throw new Error(`WeChat's compiler is missing: ${file}`)
    chmodSync(file, 0o755)
  }
  return { wcc, wcsc }
}

/** A node of the render layer's tree: an element (`wx-view`, `wx-text`, a custom component …) or text. */
export interface VNode {
  tag: string
  attr: Record<string, unknown>
  children: (VNode | string)[]
}

type Generate = (data: object, extra: object, global: object) => VNode
type GwxFn = (path: string) => Generate | undefined

/** Draws a compiled template with some data; undefined when wcc made no template of that path. */
export type Gwx = (path: string, data: object) => VNode | undefined

/** All of dist/weapp's .wxml through `wcc`, evaluated in a render-layer context (which, unlike logic, has window). */
export function compileWxml(root: string): Gwx {
  if (process.platform !== 'linux') throw new Error('the WeChat compilers here are the Linux builds')
  wechatCompilers()
  const source = compiler.wxmlToJs(root, { maxBuffer: 64 << 20 })
  const context = vm.createContext({ console })
  context.window = context
  vm.runInContext(`var __gwx_factory = function (global) {${source}\n}`, context, {
    filename: 'wcc-output.js',
  })
  const gwx = vm.runInContext('__gwx_factory({})', context) as GwxFn
  // the data crosses as JSON into the render layer's own realm (wcc's code checks `constructor === Object`)
  const parse = vm.runInContext('JSON.parse', context) as (json: string) => object
  return (path, data) => {
    const tree = gwx(path)?.(parse(JSON.stringify(data)), {}, {})
    return tree && normalize(tree)
  }
}

/** every element with `attr` and `children`; text as strings */
function normalize(node: VNode): VNode {
  node.attr ??= {}
  node.children = (node.children ?? []).map((child) => (typeof child === 'string' ? child : normalize(child)))
  return node
}

/** All of dist/weapp's .wxss through `wcsc` (throws on any error): which of `files` got a style sheet. */
export function compileWxss(root: string, files: string[]): Set<string> {
  wechatCompilers()
  // the output is render-layer code (it needs navigator, document): look at what it defines, do not run it
  const source = compiler.wxssToJs(root, { maxBuffer: 64 << 20 })
  return new Set(files.filter((file) => source.includes(`'${file}':`)))
}

/** The `.wxml` of a page or component and of every custom component it uses, as wcc needs them listed. */
export function wxmlFiles(root: string, pages: string[]): string[] {
  const seen = new Set<string>()
  const visit = (path: string) => {
    if (seen.has(path)) return
    seen.add(path)
    const json = join(root, `${path}.json`)
    if (!existsSync(json)) return
    const using = (JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> })
      .usingComponents
    for (const target of Object.values(using ?? {})) {
      visit(
        relative(root, join(root, posix.dirname(path), target))
          .split('\\')
          .join('/'),
      )
    }
  }
  pages.forEach(visit)
  return [...seen]
}

const isElement = (node: VNode | string): node is VNode => typeof node !== 'string'

/** The text a person sees under a node, block by block joined with new lines. */
export function textOf(node: VNode | string): string {
  if (!isElement(node)) return node
  const parts = node.children.map(textOf).filter((t) => t !== '')
  return parts.join(node.tag === 'wx-text' || node.tag === 'wx-page' ? '' : '\n')
}

export function* walk(node: VNode | string): Generator<VNode> {
  if (!isElement(node)) return
  yield node
  for (const child of node.children) yield* walk(child)
}
