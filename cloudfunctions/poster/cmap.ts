// Which characters a font file draws: its `cmap` table (formats 4 and 12, what Noto's subsets carry). Used to pick
// the fallback fonts a poster needs and, in tests, to prove that no character would render as a missing-glyph box.

export function coveredCodePoints(font: Buffer): Set<number> {
  const numTables = font.readUInt16BE(4)
  let cmap = -1
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i
    if (font.toString('latin1', record, record + 4) === 'cmap') cmap = font.readUInt32BE(record + 8)
  }
  if (cmap < 0) throw new Error('font has no cmap table')
  const covered = new Set<number>()
  const subtables = font.readUInt16BE(cmap + 2)
  for (let i = 0; i < subtables; i++) {
    const offset = cmap + font.readUInt32BE(cmap + 4 + 8 * i + 4)
    const format = font.readUInt16BE(offset)
    if (format === 4) readFormat4(font, offset, covered)
    else if (format === 12) readFormat12(font, offset, covered)
  }
  return covered
}

function readFormat4(font: Buffer, offset: number, covered: Set<number>): void {
  const segments = font.readUInt16BE(offset + 6) / 2
  const ends = offset + 14
  const starts = ends + 2 * segments + 2
  const deltas = starts + 2 * segments
  const rangeOffsets = deltas + 2 * segments
  for (let s = 0; s < segments; s++) {
    const end = font.readUInt16BE(ends + 2 * s)
    const start = font.readUInt16BE(starts + 2 * s)
    const delta = font.readInt16BE(deltas + 2 * s)
    const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * s)
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff
      else {
        const at = rangeOffsets + 2 * s + rangeOffset + 2 * (c - start)
        const raw = font.readUInt16BE(at)
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff
      }
      if (glyph !== 0) covered.add(c)
    }
  }
}

function readFormat12(font: Buffer, offset: number, covered: Set<number>): void {
  const groups = font.readUInt32BE(offset + 12)
  for (let g = 0; g < groups; g++) {
    const group = offset + 16 + 12 * g
    const start = font.readUInt32BE(group)
    const end = font.readUInt32BE(group + 4)
    const firstGlyph = font.readUInt32BE(group + 8)
    for (let c = start; c <= end; c++) if (firstGlyph + (c - start) !== 0) covered.add(c)
  }
}
