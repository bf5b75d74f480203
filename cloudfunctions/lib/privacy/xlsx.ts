// One-sheet Excel workbooks (exceljs), for exports the organizers open on their phones or computers.
import ExcelJS from 'exceljs'

// Characters XML 1.0 cannot carry: C0 controls but tab and line breaks, lone surrogates, U+FFFE and U+FFFF.
// exceljs writes U+FFFE/U+FFFF raw and the sheet's XML becomes unreadable, so every cell is cleaned here:
// text stored before the readers stripped such characters (or written around them) cannot break an export.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\0-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/gu

/** The text without the characters an XML document cannot hold. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '')
}

export async function workbook(sheetName: string, headers: string[], rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(xmlSafe(sheetName))
  const safeHeaders = headers.map(xmlSafe)
  const safeRows = rows.map((row) => row.map(xmlSafe))
  sheet.addRow(safeHeaders).font = { bold: true }
  for (const row of safeRows) sheet.addRow(row)
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(
      ...[safeHeaders[i], ...safeRows.map((r) => r[i] ?? '')].map((t) => [...t].length),
    )
    column.width = Math.min(40, Math.max(8, longest * 2))
  })
  return Buffer.from(await book.xlsx.writeBuffer())
}
