// The roster as an Excel file in cloud storage: Chinese headers, one row per sign-up with every answer.
import { type ApiResult, ok } from '@core/shared/errors'
import type { ExportRosterResponse } from '@core/calls/contract'
import { exportFileName, rosterSheet, toRoster } from '@core/calls/roster'
import { validateCallId } from '@core/calls/validate'
import { storeExport } from '@lib/privacy/exports'
import { allSignUps } from '@lib/calls/signups'
import { workbook } from '@lib/privacy/xlsx'
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
