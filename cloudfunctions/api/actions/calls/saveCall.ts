// The call editor saves: a new draft for the caller's NGO, or the same draft again. Every field given is checked
// (src/core/calls/call-form.ts; a draft may leave the description, place and capacity blank until it is published) and
// every text passes content review before anything is stored. Published calls are
// edited with updateCall, which tells the volunteers about time and place changes.
import { validateCallForm, textsOf } from '@core/calls/call-form'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { newId } from '@core/ngos/ngo'
import type { CallForm, SaveCallResponse } from '@core/calls/contract'
import { storedRoles, storedSessions } from '@core/calls/session-form'
import type { Call } from '@core/model'
import { asInput, type FieldErrors, readId, type Validation } from '@core/shared/validation'
import { toCallDetail, toNgoOnCall } from '@core/calls/views'
import { _ } from '@lib/cloud/cloud'
import { riskyTexts } from '@lib/moderation/content-check'
import { requestReview } from '@lib/moderation/media-review'
import { collection, findById, insert, updateWhere } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

const OPTIONAL = [
  'cover',
  'location',
  'cancelCutoff',
  'cancelLeadHours',
  'reminderLeadHours',
  'sessions',
  'repeat',
  'roles',
  'maxSlotsPerPerson',
  'insurance',
  'companions',
] as const

export const saveCall = defineAction({
  who: 'organizers',
  // editing a draft names it (`callId`); a new draft names the NGO it is for (`ngoId`)
  resource: 'callOrNgo',
  validate: validateSaveCall,
  run: async ({ input, call: draft, ngo, openid, now }): Promise<ApiResult<SaveCallResponse>> => {
    const { form } = input
    if (draft && draft.status !== 'draft')
      return fail('INVALID_INPUT', '已发布的活动只能修改时间、地点和名额', { request: '活动已发布' })

    const risky = await riskyTexts(openid, textsOf(form), 3)
    if (Object.keys(risky).length > 0) return fail('CONTENT_RISKY', undefined, risky)

    // a new cover stays hidden until WeChat's image review passes it (lib/moderation/media-review.ts)
    const requested = form.cover
    const newCover = requested !== undefined && requested !== draft?.cover
    const keepPending = requested === undefined && draft?.coverReview !== undefined
    // a draft has no sign-ups: its sessions and roles are numbered afresh each time it is saved
    const values: Record<string, unknown> = { ...form, ngo: toNgoOnCall(ngo), updatedAt: now }
    if (form.sessions) values.sessions = storedSessions(form.sessions)
    if (form.roles) values.roles = storedRoles(form.roles)
    if (newCover) values.cover = draft?.cover ?? ''
    else if (keepPending) delete values.cover
    else values.cover = requested ?? ''
    let callId: string
    if (draft) {
      callId = draft._id
      const data: Record<string, unknown> = { ...values }
      for (const key of OPTIONAL) if (form[key] === undefined && key !== 'cover') data[key] = _.remove()
      if (!newCover && !keepPending) data.coverReview = _.remove()
      const updated = await updateWhere(collection('calls').where({ _id: callId, status: 'draft' }), data)
      if (updated === 0 && (await findById('calls', callId))?.status !== 'draft')
        return fail('INVALID_INPUT', '活动已发布，请刷新', { request: '活动已发布' })
    } else {
      callId = newId('c', now, Math.random)
      await insert('calls', {
        ...(values as unknown as Omit<
          Call,
          '_id' | 'ngoId' | 'status' | 'confirmed' | 'waitlisted' | 'createdAt'
        >),
        _id: callId,
        ngoId: ngo._id,
        status: 'draft',
        confirmed: 0,
        waitlisted: 0,
        createdAt: now,
      })
    }
    if (newCover && requested) {
      const traceId = await requestReview(
        openid,
        { collection: 'calls', docId: callId, field: 'cover', fileID: requested },
        now,
      )
      await updateWhere(collection('calls').where({ _id: callId }), { coverReview: traceId })
    }
    const call = await findById('calls', callId)
    if (!call) throw new Error(`saved call ${callId} is gone`)
    return ok({ call: toCallDetail(call, toNgoOnCall(ngo), [], now) })
  },
})

function validateSaveCall(event: unknown): Validation<{ form: CallForm; callId?: string; ngoId?: string }> {
  const form = validateCallForm(event, 'draft')
  const fields = asInput(event) ?? {}
  const errors: FieldErrors = form.ok ? {} : { ...form.fields }
  const editing = fields.callId !== undefined
  const id = readId(fields, editing ? 'callId' : 'ngoId', editing ? '活动编号' : '机构编号', errors)
  if (!form.ok || Object.keys(errors).length > 0) return { ok: false, fields: errors }
  return { ok: true, value: editing ? { form: form.value, callId: id } : { form: form.value, ngoId: id } }
}
