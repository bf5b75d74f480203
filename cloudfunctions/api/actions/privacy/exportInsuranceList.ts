// 导出投保名单: the one place insurance details are opened (privacy/contract.ts). Owner only; every volunteer holding
// a seat, once however many slots they hold, and each companion they bring, with their details in full; a private export gone after a day, and
// each download logged in `insuranceExports` before the link is handed out.
import { randomBytes } from 'node:crypto'
import { type ApiResult, ok } from '@core/shared/errors'
import type { ExportInsuranceListResponse } from '@core/privacy/contract'
import { exportFileName } from '@core/calls/roster'
import { hasSlots, slotOfSignUp } from '@core/calls/slots'
import { slotLabel } from '@core/calls/session-text'
import { validateCallId } from '@core/calls/validate'
import { idTypeLabel } from '@core/privacy/insurance'
import type { SignUp } from '@core/model'
import { insert } from '@lib/cloud/db'
import { allSignUps } from '@lib/calls/signups'
import { storeExport } from '@lib/privacy/exports'
import { openInsuranceOf } from '@lib/privacy/insurance'
import { workbook } from '@lib/privacy/xlsx'
import { defineAction } from '@functions/api/gate'

const HEADERS = [
  '序号',
  '姓名',
  '手机号',
  '证件类型',
  '证件号码',
  '紧急联系人',
  '紧急联系人电话',
  '场次',
  '同行于',
]

export const exportInsuranceList = defineAction({
  who: 'owner',
  resource: 'call',
  validate: validateCallId,
  run: async ({ call, openid, now }): Promise<ApiResult<ExportInsuranceListResponse>> => {
    const seated = (await allSignUps(call._id)).filter(
      (signUp) => (signUp.status === 'confirmed' || signUp.status === 'attended') && !signUp.walkIn,
    )
    const byPerson = new Map<string, SignUp[]>()
    for (const signUp of seated) byPerson.set(signUp.openid, [...(byPerson.get(signUp.openid) ?? []), signUp])
    const details = await openInsuranceOf(call._id)
    // a row per person: the volunteer, then each companion they bring (insured one by one, under their guardian)
    const rows = [...byPerson.values()].flatMap((held, i) => {
      const opened = details.get(held[0].openid)
      const type = opened?.details.idType
      const slots = hasSlots(call)
        ? held.map((signUp) => slotLabel(call, slotOfSignUp(signUp))).join('；')
        : ''
      const contact = [opened?.name ?? '', opened?.phone ?? '']
      const volunteer = [
        String(i + 1),
        held[0].name,
        held[0].phone,
        type ? idTypeLabel(type) : '',
        opened?.idNumber ?? '未填写',
        ...contact,
        slots,
        '',
      ]
      const companions = (held[0].companions ?? []).map((companion, j) => {
        const id = opened?.companions[j]
        return [
          `${i + 1}.${j + 1}`,
          companion.name,
          '',
          id ? idTypeLabel(id.idType) : '',
          id?.idNumber ?? '未填写',
          ...contact,
          slots,
          held[0].name,
        ]
      })
      return [volunteer, ...companions]
    })
    await insert('insuranceExports', {
      _id: randomBytes(12).toString('hex'),
      callId: call._id,
      ngoId: call.ngoId,
      by: openid,
      at: now,
      rows: rows.length,
    })
    const fileName = exportFileName('投保名单', call.title, now)
    const { fileID, url } = await storeExport({
      kind: 'insurance',
      ngoId: call.ngoId,
      callId: call._id,
      fileName,
      content: await workbook('投保名单', HEADERS, rows),
      now,
    })
    return ok({ fileID, url, fileName, rows: rows.length })
  },
})
