// The local cloud's JUSHOU_DATA_KEY, the key insurance details are sealed with (on WeChat Cloud it is set in the
// function's environment): made once per data folder and kept there, so details stored yesterday still open
// after a restart; for an in-memory cloud a new one per run.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const DATA_KEY_FILE = 'data-key'

/** base64 of 32 random bytes; `dataDir` null: in memory, nothing kept. */
export function dataKey(dataDir: string | null): string {
  if (dataDir === null) return newKey()
  const file = join(dataDir, DATA_KEY_FILE)
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim()
    if (Buffer.from(kept, 'base64').length === 32) return kept
  }
  mkdirSync(dataDir, { recursive: true })
  const key = newKey()
  writeFileSync(file, key + '\n', { mode: 0o600 })
  return key
}

function newKey(): string {
  return randomBytes(32).toString('base64')
}
