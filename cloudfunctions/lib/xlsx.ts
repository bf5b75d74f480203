// One-sheet Excel workbooks (exceljs), for exports the organizers open on their phones or computers.
import ExcelJS from 'exceljs'

export async function workbook(sheetName: string, headers: string[], rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(sheetName)
  sheet.addRow(headers).font = { bold: true }
  for (const row of rows) sheet.addRow(row)
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(...[headers[i], ...rows.map((r) => r[i] ?? '')].map((t) => [...t].length))
    column.width = Math.min(40, Math.max(8, longest * 2))
  })
  return Buffer.from(await book.xlsx.writeBuffer())
}
