// The list of the api's actions is written from the action files, so a new action is its contract line and its
// file: the list names every file's action, refuses a file that does not define the action it is named for, and
// is what the repository holds.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { ACTIONS_DIR, actionIndexText } from '@config/action-index'

test('the committed list of actions is the one the action files give', () => {
  assert.equal(readFileSync(join(ACTIONS_DIR, 'index.ts'), 'utf8'), actionIndexText())
})

test('a new action file is listed; a file not defining its own action is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'actions-'))
  mkdirSync(join(dir, 'calls'))
  writeFileSync(join(dir, 'calls', 'plantTrees.ts'), 'export const plantTrees = defineAction({})\n')
  const text = actionIndexText(dir)
  assert.match(text, /^import \{ plantTrees \} from '\.\/calls\/plantTrees'$/m)
  assert.match(text, /^ {2}plantTrees,$/m)
  writeFileSync(join(dir, 'calls', 'waterTrees.ts'), 'export const plantTrees = defineAction({})\n')
  assert.throws(() => actionIndexText(dir), /waterTrees\.ts must export const waterTrees/)
})
