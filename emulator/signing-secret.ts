// The local cloud's JUSHOU_SIGNING_SECRET (on WeChat Cloud it is set in each function's environment): made once
// per data folder and kept there, so codes and certificates made yesterday still verify after a restart; for an
// in-memory cloud a new one per run.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const SIGNING_SECRET_FILE = 'signing-secret'

/** `dataDir` null: in memory, nothing kept. */
export function signingSecret(dataDir: string | null): string {
  if (dataDir === null) return newSecret()
  const file = join(dataDir, SIGNING_SECRET_FILE)
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim()
    if (kept.length >= 32) return kept
  }
  mkdirSync(dataDir, { recursive: true })
  const secret = newSecret()
  writeFileSync(file, secret + '\n', { mode: 0o600 })
  return secret
}

function newSecret(): string {
  return randomBytes(32).toString('base64url')
}
