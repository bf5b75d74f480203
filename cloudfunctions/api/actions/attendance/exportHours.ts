// Confirmed hours of the NGO's calls that started in [from, to), as an .xlsx for reporting (e.g. to the national
// volunteer service system). Hours not yet confirmed are never exported.
import type { ExportHoursResponse } from '@core/attendance/contract'
import { validateExportHours } from '@core/attendance/validate'
import { type ApiResult, ok } from '@core/shared/errors'
import { HOURS_SHEET_HEADERS, hoursSheet } from '@core/attendance/hours-record'
import { formatChinaTime } from '@core/shared/china-time'
import { exportFileName } from '@core/calls/roster'
import type { Call, SignUp } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, find, type Query } from '@lib/cloud/db'
import { storeExport } from '@lib/privacy/exports'
import { workbook } from '@lib/privacy/xlsx'
import { defineAction } from '@functions/api/gate'

const PAGE = 100

export const exportHours = defineAction({
  who: 'organizers',
  resource: 'ngo',
  validate: validateExportHours,
  run: async ({ input, ngo, now }): Promise<ApiResult<ExportHoursResponse>> => {
    const { from, to } = input
    const ngoId = ngo._id

    const items: { signUp: SignUp; call: Call }[] = []
    for (const call of await callsBetween(ngoId, from, to)) {
      for (const signUp of await confirmedOf(call._id)) items.push({ signUp, call })
    }
    const rows = hoursSheet(items)
    const content = await workbook('志愿服务时长', HOURS_SHEET_HEADERS, rows)
    const day = (at: number) => formatChinaTime(at).slice(0, 10)
    const fileName = exportFileName('志愿服务时长', `${ngo.name}-${day(from)}至${day(to - 1)}`, now)
    const { fileID, url } = await storeExport({ kind: 'hours', ngoId, fileName, content, now })
    return ok({ fileID, url, fileName, rows: rows.length })
  },
})

async function callsBetween(ngoId: string, from: number, to: number): Promise<Call[]> {
  return pages<Call>((after) =>
    collection('calls').where(
      _.and({ ngoId }, { startAt: _.gte(from) }, { startAt: _.lt(to) }, { _id: _.gt(after) }),
    ),
  )
}

async function confirmedOf(callId: string): Promise<SignUp[]> {
  return pages<SignUp>((after) =>
    collection('signups').where({
      callId,
      status: 'attended',
      hoursConfirmedAt: _.exists(true),
      _id: _.gt(after),
    }),
  )
}

async function pages<T extends { _id: string }>(query: (after: string) => Query): Promise<T[]> {
  const all: T[] = []
  let after = ''
  for (;;) {
    const page = await find<T>(query(after).orderBy('_id', 'asc').limit(PAGE))
    all.push(...page)
    if (page.length < PAGE) return all
    after = page[page.length - 1]._id
  }
}
