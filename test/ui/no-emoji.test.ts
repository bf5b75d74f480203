// No emoji or pictographic symbols in the app's source: icons are the SVG set of src/components/Icon. Emoji draw
// differently on every phone and as empty boxes where there is no emoji font (Debian's Chromium, some Android
// phones); a screen reader reads them out by their Unicode names. Words and punctuation (「」、→ ·) are fine.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { test } from 'node:test'

const SRC = join(__dirname, '..', '..', 'src')

/** emoji, pictographs, dingbats (✓ ✕ ✅), geometric shapes (▾ ●), technical symbols (⌛ ⏰), variation selector 16 */
const PICTOGRAPH =
  /[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}\u{25A0}-\u{25FF}\u{2300}-\u{23FF}]|\u{FE0F}/u

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(tsx?|scss|html|json)$/.test(entry.name) ? [path] : []
  })
}

test('no emoji or pictographic symbol is drawn as text anywhere in src/', () => {
  const found: string[] = []
  for (const file of sourceFiles(SRC)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const hit = PICTOGRAPH.exec(line)
        if (hit)
          found.push(`${relative(SRC, file)}:${i + 1} ${hit[0]} (U+${hit[0].codePointAt(0)?.toString(16)})`)
      })
  }
  assert.deepEqual(found, [])
})
