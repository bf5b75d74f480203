// In the browser build Taro's Button keeps `disabled="false"` as an attribute once it is enabled again, and its
// stylesheet's `[disabled]` rule then fades the text of a button that works. Passing `undefined` instead of
// `false` removes the attribute, so every Button's `disabled` is either a constant or ends in `|| undefined`.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'

const SRC = join(__dirname, '..', '..', 'src')

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return tsxFiles(path)
    return entry.name.endsWith('.tsx') ? [path] : []
  })
}

/** The opening tags `<Button …>` of a source, braces respected (an arrow's `>` does not end the tag). */
function buttonTags(source: string): string[] {
  const tags: string[] = []
  for (let start = source.indexOf('<Button'); start >= 0; start = source.indexOf('<Button', start + 1)) {
    let depth = 0
    let end = start
    for (; end < source.length; end++) {
      const ch = source[end]
      if (ch === '{') depth++
      else if (ch === '}') depth--
      else if (ch === '>' && depth === 0) break
    }
    tags.push(source.slice(start, end + 1))
  }
  return tags
}

/** The expression of `disabled={…}` in a tag, braces respected; null when there is none. */
function disabledExpression(tag: string): string | null {
  const at = tag.indexOf('disabled={')
  if (at < 0) return null
  let depth = 0
  for (let i = at + 'disabled='.length; i < tag.length; i++) {
    if (tag[i] === '{') depth++
    else if (tag[i] === '}' && --depth === 0) return tag.slice(at + 'disabled={'.length, i).trim()
  }
  return null
}

test('every Button that can be enabled again passes undefined, not false', () => {
  const offenders: string[] = []
  let checked = 0
  for (const file of tsxFiles(SRC)) {
    for (const tag of buttonTags(readFileSync(file, 'utf8'))) {
      const expression = disabledExpression(tag)
      if (expression === null) continue
      checked++
      if (!/\|\|\s*undefined$/.test(expression) && !/^(true|undefined)$/.test(expression))
        offenders.push(`${file.slice(SRC.length + 1)}: disabled={${expression}}`)
    }
  }
  assert.ok(checked >= 5, 'buttons with a disabled state were found')
  assert.deepEqual(offenders, [])
})
