// Which Node.js a cloud function runs on. Each function declares it in its config.json as `"runtime"`, with the
// names WeChat Cloud (CloudBase) uses; the build targets it, cloudbaserc.json carries it to the CloudBase CLI and
// the local cloud runs the function on that exact Node (emulator/node-runtime.ts).
//
// All three functions run on Nodejs18.15: the poster needs it (satori's harfbuzz wasm fails to compile on 16.13
// with "CompileError: WebAssembly.instantiate(): Compiling function #16 failed" and works on 18.15), and one
// runtime for all keeps wx-server-sdk and the shared code tested on one Node.

/** Node.js runtimes WeChat Cloud offers (new functions), by the names config.json and the CloudBase CLI use. */
export const WECHAT_NODE_RUNTIMES = ['Nodejs16.13', 'Nodejs18.15'] as const

/** The exact Node release behind each runtime (what the local cloud runs it on). */
export const RUNTIME_NODE_VERSIONS: Record<(typeof WECHAT_NODE_RUNTIMES)[number], string> = {
  'Nodejs16.13': '16.13.2',
  'Nodejs18.15': '18.15.0',
}

/** For a function folder without a `runtime` (fixtures, benches): what this project deploys on. */
export const DEFAULT_RUNTIME = 'Nodejs18.15'

export interface NodeRuntime {
  name: string
  major: number
  minor: number
}

/** `Nodejs18.15` → {major: 18, minor: 15}; throws for a name WeChat Cloud does not offer. */
export function parseRuntime(name: string): NodeRuntime {
  const match = /^Nodejs(\d+)\.(\d+)$/.exec(name)
  if (!match || !(WECHAT_NODE_RUNTIMES as readonly string[]).includes(name)) {
    throw new Error(
      `unknown cloud function runtime "${name}": WeChat Cloud offers ${WECHAT_NODE_RUNTIMES.join(', ')}`,
    )
  }
  return { name, major: Number(match[1]), minor: Number(match[2]) }
}

/** esbuild's target for a runtime, e.g. `node18.15`: syntax that Node parses as it is. */
export function esbuildTarget(name: string): string {
  const { major, minor } = parseRuntime(name)
  return `node${major}.${minor}`
}
