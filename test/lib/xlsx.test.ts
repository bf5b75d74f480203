// The .xlsx exports: a stored name holding characters XML cannot carry (older data, or written around the
// readers) must still give a workbook that opens, with the rest of the text intact.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import ExcelJS from 'exceljs'
import { workbook, xmlSafe } from '@lib/privacy/xlsx'

async function readBack(content: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(content as never)
  const rows: string[][] = []
  book.worksheets[0].eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')))
  })
  return rows
}

test('cells with U+FFFE, U+FFFF, controls and lone surrogates still make a readable workbook', async () => {
  const name = '林\ufffe晓\uffff'
  const note = '第一行\n第二行\t\u0000\u0001\u000b\ud83c完'
  const content = await workbook('报名名单', ['序号', '姓名\uffff', '备注'], [['1', name, note]])
  assert.deepEqual(await readBack(content), [
    ['序号', '姓名', '备注'],
    ['1', '林晓', '第一行\n第二行\t完'],
  ])
})

test('ordinary text, emoji and rare characters are written as they are', async () => {
  const row = ['1', '𠮷野 🌲', 'Zoë · 马', '13800138000']
  const content = await workbook('志愿服务时长', ['序号', '姓名', '备注', '手机号'], [row])
  assert.deepEqual((await readBack(content))[1], row)
})

test('xmlSafe removes exactly what XML 1.0 cannot hold', () => {
  assert.equal(xmlSafe('a\u0000b\u0008c\u000bd\u001fe\ud800f\udfffg\ufffeh\uffffi'), 'abcdefghi')
  const kept = 'tab\tline\ncr\r\u007f\u0085\ufffd😀\u{10fffd}'
  assert.equal(xmlSafe(kept), kept)
})
