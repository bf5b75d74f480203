// The poster's fonts (subsets of Noto Sans SC, cut by fonts/make-subsets.ts). The common two files per weight
// are always loaded; a rare character (a name like 堃) adds only the fallback file that draws it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { coveredCodePoints } from './cmap'

export interface PosterFont {
  name: string
  data: Buffer
  weight: 400 | 700
  style: 'normal'
}

interface FontFile {
  font: PosterFont
  covers: Set<number>
}

/** In the deployed function the fonts sit in `fonts/` beside index.js; from source, beside this file. */
export const FONT_DIR = join(__dirname, 'fonts')

let files: FontFile[] | undefined

function load(): FontFile[] {
  if (files) return files
  files = readdirSync(FONT_DIR)
    .filter((name) => /^NotoSansSC-(Bold|Regular)\.\w+\.otf$/.test(name))
    .sort(byPriority)
    .map((file) => {
      const [, weight, part] = /^NotoSansSC-(Bold|Regular)\.(\w+)\.otf$/.exec(file) ?? []
      const data = readFileSync(join(FONT_DIR, file))
      // Distinct family names per part: satori tries the next family for a character the first one lacks.
      const font: PosterFont = {
        name: part === 'gb1' ? 'NotoSansSC' : `NotoSansSC-${part}`,
        data,
        weight: weight === 'Bold' ? 700 : 400,
        style: 'normal',
      }
      return { font, covers: coveredCodePoints(data) }
    })
  return files
}

function byPriority(a: string, b: string): number {
  const rank = (name: string) => (name.includes('.gb1.') ? 0 : name.includes('.gb2.') ? 1 : 2)
  return rank(a) - rank(b) || a.localeCompare(b)
}

const fontSets = new Map<string, PosterFont[]>()

/**
 * The fonts for a poster with this text: the common files, plus each fallback file that draws one of its rarer
 * characters. The same list object for the same choice, so satori's per-list font cache is reused.
 */
export function fontsFor(text: string): PosterFont[] {
  const all = load()
  const common = all.filter((f) => !/ext\d/.test(f.font.name))
  const needed = new Set<FontFile>()
  for (const ch of new Set(Array.from(text))) {
    const code = ch.codePointAt(0) ?? 0
    if (code < 0x20 || common.some((f) => f.covers.has(code))) continue
    const fallback = all.find((f) => f.covers.has(code))
    if (fallback) needed.add(fallback)
  }
  const chosen = [...common, ...all.filter((f) => needed.has(f))]
  const key = chosen.map((f) => `${f.font.name}/${f.font.weight}`).join(',')
  let set = fontSets.get(key)
  if (!set) {
    set = chosen.map((f) => f.font)
    fontSets.set(key, set)
  }
  return set
}

/** Characters of `text` that no font file draws (they would show as boxes). */
export function uncovered(text: string): string[] {
  const all = load()
  return [...new Set(Array.from(text))].filter((ch) => {
    const code = ch.codePointAt(0) ?? 0
    return code >= 0x20 && !all.some((f) => f.covers.has(code))
  })
}

/** Every font file's coverage, for tests. */
export function fontCoverage(): { name: string; weight: number; covers: Set<number> }[] {
  return load().map((f) => ({ name: f.font.name, weight: f.font.weight, covers: f.covers }))
}
