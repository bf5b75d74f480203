// An NGO registers from a phone: it starts `pending`, its registrant is the owner. A rejected registration is
// corrected and sent again through the same action (back to `pending`, the reason cleared). A new NGO's `_id`
// comes from its owner's openid, so two registrations sent at once (a double tap, two phones) store one NGO.
import { createHash } from 'node:crypto'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { isOwner, placeName, toNgoConsole, validateRegisterNgo } from '@core/ngos/ngo'
import type { RegisterNgoResponse } from '@core/ngos/contract'
import type { Ngo } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { riskyTexts } from '@lib/moderation/content-check'
import { requestReview } from '@lib/moderation/media-review'
import { collection, find, findById, insertOnce, updateWhere } from '@lib/cloud/db'
import { syncNgoOnCalls } from '@lib/ngos/ngo-on-calls'
import { defineAction } from '@functions/api/gate'

export const registerNgo = defineAction({
  who: 'signedIn',
  resource: 'none',
  validate: validateRegisterNgo,
  run: async ({ input, openid, now }): Promise<ApiResult<RegisterNgoResponse>> => {
    const reg = input
    const [existing] = await find<Ngo>(collection('ngos').where({ admins: openid }).limit(1))
    if (existing && !(existing.status === 'rejected' && isOwner(existing, openid)))
      return fail('ALREADY_ORGANIZER')
    const risky = await riskyTexts(
      openid,
      { name: reg.name, intro: reg.intro, city: reg.city, contactName: reg.contactName },
      1,
    )
    if (Object.keys(risky).length > 0) return fail('CONTENT_RISKY', undefined, risky)

    const fields = {
      name: reg.name,
      city: placeName(reg.province, reg.city),
      causes: reg.causes,
      intro: reg.intro,
      contact: reg.contactPhone,
      contactName: reg.contactName,
      contactPhone: reg.contactPhone,
      certificate: reg.certificate,
      creditCode: reg.creditCode,
      status: 'pending' as const,
      updatedAt: now,
    }
    let id: string
    if (existing) {
      id = existing._id
      await updateWhere(collection('ngos').where({ _id: id, status: 'rejected' }), {
        ...fields,
        [`organizerNames.${openid}`]: reg.contactName,
        rejectReason: _.remove(),
      })
    } else {
      id = ngoIdOf(openid)
      const inserted = await insertOnce('ngos', {
        _id: id,
        ...fields,
        logo: '',
        admins: [openid],
        organizerNames: { [openid]: reg.contactName },
        createdAt: now,
      })
      if (!inserted) return fail('ALREADY_ORGANIZER') // the same person's other registration got there first
    }
    // a new logo stays hidden until WeChat's image review passes it (lib/moderation/media-review.ts)
    if (reg.logo && reg.logo !== existing?.logo) {
      const traceId = await requestReview(
        openid,
        { collection: 'ngos', docId: id, field: 'logo', fileID: reg.logo },
        now,
      )
      await updateWhere(collection('ngos').where({ _id: id }), { logoReview: traceId })
    } else if (!reg.logo) await updateWhere(collection('ngos').where({ _id: id }), { logo: '' })
    if (existing) await syncNgoOnCalls(id) // a resubmission may rename it: its drafts show the new name
    const ngo = await findById('ngos', id)
    if (!ngo) throw new Error(`registered NGO ${id} is gone`)
    return ok({ ngo: toNgoConsole(ngo, openid) })
  },
})

/** The id of the NGO `openid` registers: one per owner (the registration after a rejection reuses it anyway). */
function ngoIdOf(openid: string): string {
  return `ngo${createHash('sha256').update(openid).digest('hex').slice(0, 16)}`
}
