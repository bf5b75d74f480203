// Cuts the poster's fonts out of Noto Sans CJK (OFL; Debian's fonts-noto-cjk) into the files beside this script.
// Run by hand when the character sets change: `npx tsx cloudfunctions/poster/fonts/make-subsets.ts`.
//
// Each file stays under ~6,000 glyphs and gets its own family name, because satori walks the list of families for
// a character the first font lacks: the common set covers nearly every poster, the rest only rare characters.
//  - NotoSansSC-{Bold,Regular}.gb1.otf   ASCII, punctuation, GB2312 symbols and level-1 hanzi (3,755)
//  - NotoSansSC-{Bold,Regular}.gb2.otf   GB2312 level-2 hanzi (3,008)
//  - NotoSansSC-Regular.ext{1..6}.otf    the rest of U+4E00–U+9FA5 (names like 堃 喆), Regular only
//  - NotoSansSC-Regular.ext{7..}.otf     every rarer ideograph the font draws (䶮 𠮷 …), Regular only
// (harfbuzz refuses larger cuts of the rarer ideographs, hence the smaller ext files)
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import subsetFont from 'subset-font'
import { coveredCodePoints } from '@functions/poster/cmap'

const SOURCE_DIR = '/usr/share/fonts/opentype/noto'
/** In NotoSansCJK-*.ttc the faces are JP, KR, SC, TC, HK: Simplified Chinese is the third. */
const SC_FACE = 2
const OUT_DIR = __dirname
const EXT_CHUNK = 2400

const range = (from: number, to: number): string[] => {
  const chars: string[] = []
  for (let c = from; c <= to; c++) chars.push(String.fromCodePoint(c))
  return chars
}

/** GB2312 rows `first`..`last` (each 94 cells), decoded through GBK. */
function gbRows(first: number, last: number): string[] {
  const gbk = new TextDecoder('gbk')
  const chars: string[] = []
  for (let hi = first; hi <= last; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const c = gbk.decode(Uint8Array.from([hi, lo]))
      if (c !== '\uFFFD' && [...c].length === 1) chars.push(c)
    }
  }
  return chars
}

/** One face of a TrueType/OpenType collection as a standalone font (tables copied as they are). */
function extractFace(ttc: Buffer, index: number): Buffer {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') throw new Error('not a font collection')
  const offset = ttc.readUInt32BE(12 + 4 * index)
  const numTables = ttc.readUInt16BE(offset + 4)
  const headerLength = 12 + 16 * numTables
  const header = Buffer.alloc(headerLength)
  ttc.copy(header, 0, offset, offset + 12)
  const chunks: Buffer[] = []
  let position = headerLength
  for (let i = 0; i < numTables; i++) {
    const record = offset + 12 + 16 * i
    const tableOffset = ttc.readUInt32BE(record + 8)
    const length = ttc.readUInt32BE(record + 12)
    ttc.copy(header, 12 + 16 * i, record, record + 8) // tag and checksum
    header.writeUInt32BE(position, 12 + 16 * i + 8)
    header.writeUInt32BE(length, 12 + 16 * i + 12)
    const padding = (4 - (length % 4)) % 4
    chunks.push(ttc.subarray(tableOffset, tableOffset + length), Buffer.alloc(padding))
    position += length + padding
  }
  return Buffer.concat([header, ...chunks])
}

function cuts(): [string, string, string[]][] {
  const common = [
    ...range(0x20, 0x7e),
    ...range(0xb7, 0xb7),
    ...range(0x2010, 0x2027),
    ...range(0x3000, 0x303f),
    ...range(0xff01, 0xff5e),
    ...gbRows(0xa1, 0xa9),
    ...gbRows(0xb0, 0xd7),
  ]
  const level2 = gbRows(0xd8, 0xf7)
  const inGb2312 = new Set([...common, ...level2])
  const rest = range(0x4e00, 0x9fa5).filter((c) => !inGb2312.has(c))
  const list: [string, string, string[]][] = [
    ['Bold', 'gb1', common],
    ['Regular', 'gb1', common],
    ['Bold', 'gb2', level2],
    ['Regular', 'gb2', level2],
  ]
  for (let i = 0; i * EXT_CHUNK < rest.length; i++)
    list.push(['Regular', `ext${i + 1}`, rest.slice(i * EXT_CHUNK, (i + 1) * EXT_CHUNK)])
  // Then every other ideograph the font draws (extension A, B and later, compatibility ideographs): names such as
  // 刘䶮 or 𠮷 must print on a certificate. Appended, so the files above stay as they were.
  const drawn = coveredCodePoints(
    extractFace(readFileSync(join(SOURCE_DIR, 'NotoSansCJK-Regular.ttc')), SC_FACE),
  )
  const rarer = [...drawn]
    .filter((c) => RARER_BLOCKS.some(([from, to]) => c >= from && c <= to))
    .sort((a, b) => a - b)
    .map((c) => String.fromCodePoint(c))
  const first = list.length - 4
  for (let i = 0; i * EXT_CHUNK < rarer.length; i++)
    list.push(['Regular', `ext${first + i + 1}`, rarer.slice(i * EXT_CHUNK, (i + 1) * EXT_CHUNK)])
  return list
}

/** Ideograph blocks beyond U+4E00–U+9FA5: the rest of the unified block, extension A, compatibility, B and later. */
const RARER_BLOCKS: [number, number][] = [
  [0x9fa6, 0x9fff],
  [0x3400, 0x4dbf],
  [0xf900, 0xfaff],
  [0x20000, 0x3134f],
]

async function cut(index: number): Promise<void> {
  const [weight, tag, chars] = cuts()[index]
  const face = extractFace(readFileSync(join(SOURCE_DIR, `NotoSansCJK-${weight}.ttc`)), SC_FACE)
  const file = `NotoSansSC-${weight}.${tag}.otf`
  const subset = await subsetFont(face, chars.join(''), { targetFormat: 'sfnt' })
  writeFileSync(join(OUT_DIR, file), subset)
  console.log(`${file}: ${chars.length} characters, ${(subset.length / 1024).toFixed(0)} KB`)
}

// harfbuzz's wasm memory does not shrink after a large subset: each file is cut in a process of its own.
const which = process.argv[2]
if (which !== undefined) {
  cut(Number(which)).catch((err) => {
    console.error(err)
    process.exit(1)
  })
} else {
  for (let i = 0; i < cuts().length; i++)
    execFileSync(process.execPath, [...process.execArgv, __filename, String(i)], { stdio: 'inherit' })
}
