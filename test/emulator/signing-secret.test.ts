import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SIGNING_SECRET_FILE, signingSecret } from '@emulator/signing-secret'

test('a data folder keeps its signing secret across restarts; in memory, a new one each run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jushou-secret-'))
  try {
    const first = signingSecret(dir)
    assert.ok(first.length >= 32)
    assert.equal(signingSecret(dir), first, 'the same after a restart')
    assert.equal(readFileSync(join(dir, SIGNING_SECRET_FILE), 'utf8').trim(), first)
    assert.equal(statSync(join(dir, SIGNING_SECRET_FILE)).mode & 0o077, 0, 'readable by its owner only')
    assert.notEqual(signingSecret(null), signingSecret(null))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
