// The local cloud's JUSHOU_PASS_KEY, the Ed25519 seed offline passes are signed with (on WeChat Cloud it is set in
// each function's environment): made once per data folder and kept there, so passes fetched yesterday still verify
// after a restart; for an in-memory cloud a new one per run.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const PASS_KEY_FILE = 'pass-key'

/** `dataDir` null: in memory, nothing kept. */
export function passKey(dataDir: string | null): string {
  if (dataDir === null) return newKey()
  const file = join(dataDir, PASS_KEY_FILE)
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim()
    if (Buffer.from(kept, 'base64url').length === 32) return kept
  }
  mkdirSync(dataDir, { recursive: true })
  const key = newKey()
  writeFileSync(file, key + '\n', { mode: 0o600 })
  return key
}

function newKey(): string {
  return randomBytes(32).toString('base64url')
}
