// The roster as an Excel file in cloud storage: Chinese headers, one row per sign-up with every answer.
import { type ApiResult, ok } from '@core/errors'
import type { ExportRosterResponse } from '@core/ngo-api'
import { exportFileName, rosterSheet, toRoster } from '@core/roster'
import { validateCallId } from '@core/schemas'
import { storeExport } from '@lib/exports'
import { allSignUps } from '@lib/signups'
import { workbook } from '@lib/xlsx'
import { defineAction } from '@functions/api/gate'

export const exportRoster = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateCallId,
  run: async ({ call, now }): Promise<ApiResult<ExportRosterResponse>> => {
    const { headers, rows } = rosterSheet(call.questions, toRoster(await allSignUps(call._id)))
    const content = await workbook('报名名单', headers, rows)
    const fileName = exportFileName('报名名单', call.title, now)
    const { fileID, url } = await storeExport({
      kind: 'roster',
      ngoId: call.ngoId,
      callId: call._id,
      fileName,
      content,
      now,
    })
    return ok({ fileID, url, fileName, rows: rows.length })
  },
})
