// The roster as an Excel file in cloud storage: Chinese headers, one row per sign-up with every answer.
import { fail, ok } from '../../../src/core/errors'
import type { ExportRosterResponse } from '../../../src/core/ngo-api'
import { rosterSheet, toRoster } from '../../../src/core/roster'
import { validateCallId } from '../../../src/core/schemas'
import { storeExport } from '../../lib/exports'
import { allSignUps } from '../../lib/signups'
import { workbook } from '../../lib/xlsx'
import type { ActionHandler } from '../caller'
import { findManagedCall } from '../managedCall'

export const exportRoster: ActionHandler<ExportRosterResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateCallId(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const managed = await findManagedCall(input.value.callId, openid)
  if ('code' in managed) return managed
  const { call } = managed
  const { headers, rows } = rosterSheet(call.questions, toRoster(await allSignUps(call._id)))
  const content = await workbook('报名名单', headers, rows)
  const fileName = `报名名单-${call._id}-${now}.xlsx`
  const { fileID, url } = await storeExport({
    kind: 'roster',
    ngoId: call.ngoId,
    callId: call._id,
    fileName,
    content,
    now,
  })
  return ok({ fileID, url, fileName, rows: rows.length })
}
