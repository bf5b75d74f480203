import { test } from 'node:test'
import assert from 'node:assert/strict'
import { decodeCursor, encodeCursor } from '@core/shared/cursor'
import { NOW } from './fixtures'

test('a cursor decodes to the position it encodes', () => {
  const position = { startAt: NOW, id: 'mq-trees_2' }
  const cursor = encodeCursor(position)
  assert.match(cursor, /^[A-Za-z0-9_.-]+$/, 'url-safe')
  assert.deepEqual(decodeCursor(cursor), position)
  assert.deepEqual(decodeCursor(encodeCursor({ startAt: 0, id: 'a' })), { startAt: 0, id: 'a' })
})

test('anything a cursor was not is rejected', () => {
  for (const bad of [
    '',
    'abc',
    '.mq-trees',
    'zz.',
    'ZZ.mq-trees',
    'zzzzzzzzzzzz.mq-trees',
    `${NOW.toString(36)}.${'a'.repeat(33)}`,
    `${NOW.toString(36)}.a b`,
    `${NOW.toString(36)}.a.b`,
    `${NOW.toString(36)}.${'a'.repeat(80)}`,
  ]) {
    assert.equal(decodeCursor(bad), null, bad)
  }
})
