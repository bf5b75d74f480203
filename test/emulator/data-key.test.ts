import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DATA_KEY_FILE, dataKey } from '@emulator/data-key'

test('a data folder keeps its data key (32 bytes) across restarts; in memory, a new one each run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jushou-data-key-'))
  try {
    const first = dataKey(dir)
    assert.equal(Buffer.from(first, 'base64').length, 32)
    assert.equal(dataKey(dir), first, 'the same after a restart')
    assert.equal(readFileSync(join(dir, DATA_KEY_FILE), 'utf8').trim(), first)
    assert.equal(statSync(join(dir, DATA_KEY_FILE)).mode & 0o077, 0, 'readable by its owner only')
    assert.notEqual(dataKey(null), dataKey(null))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
