// The roster as an Excel file in cloud storage: Chinese headers, one row per sign-up with every answer; on a call
// of several slots with 场次 and 岗位 columns, and the same session and role filter as the roster.
import { type ApiResult, ok } from '@core/shared/errors'
import type { ExportRosterResponse } from '@core/calls/contract'
import {
  exportFileName,
  filterRoster,
  rosterColumns,
  rosterSheet,
  toRoster,
  validateRoster,
} from '@core/calls/roster'
import { storeExport } from '@lib/privacy/exports'
import { allSignUps } from '@lib/calls/signups'
import { withMaskedInsurance } from '@lib/privacy/insurance'
import { workbook } from '@lib/privacy/xlsx'
import { defineAction } from '@functions/api/gate'

export const exportRoster = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateRoster,
  run: async ({ input, call, now }): Promise<ApiResult<ExportRosterResponse>> => {
    const signUps = await allSignUps(call._id)
    const filtered = filterRoster(call, toRoster(signUps, call), input)
    if (!Array.isArray(filtered)) return filtered
    const entries = await withMaskedInsurance(call, signUps, filtered) // masked: the full numbers are the owner's
    const { headers, rows } = rosterSheet(call.questions, entries, rosterColumns(call))
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
