// The organizer adds a 岗位 to a published call, or renames one. A new role's slots (one in each session still
// ahead) are written with the roles in one update conditional on the edit version and on those slots not existing,
// so two phones adding at once cannot both number their role `r3`: the second reads again and gets `r4`.
import type { SessionEditResponse } from '@core/calls/contract'
import { checkRoleEdit, sessionsAhead, validateSaveRole } from '@core/calls/session-edit'
import { rolesOf, slotKey } from '@core/calls/slots'
import { toCallDetail, toNgoOnCall } from '@core/calls/views'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import type { Call, CallRole, SlotCounters } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { EDIT_ATTEMPTS, reread, writeSessionEdit } from '@lib/calls/session-edits'
import { refreshGroupCards } from '@lib/sharing/group-cards'
import { defineAction } from '@functions/api/gate'

export const saveRole = defineAction({
  who: 'organizers',
  resource: 'call',
  changesPublicCall: true,
  validate: validateSaveRole,
  run: async ({ input, call: loaded, ngo, now }): Promise<ApiResult<SessionEditResponse>> => {
    let call: Call | null = loaded
    for (let attempt = 0; attempt < EDIT_ATTEMPTS && call; attempt++) {
      if (call.status === 'cancelled') return fail('CALL_CANCELLED')
      if (call.status === 'draft')
        return fail('INVALID_INPUT', '草稿的岗位请在编辑页修改', { request: '活动还未发布' })
      const errors = checkRoleEdit(call, input, now)
      if (Object.keys(errors).length > 0) return fail('INVALID_INPUT', undefined, errors)
      const roles = rolesOf(call)
      const { data, where } = input.roleId
        ? {
            data: { roles: roles.map((role) => (role.id === input.roleId ? edited(role, input) : role)) },
            where: {},
          }
        : newRole(call, roles, input, now)
      if (await writeSessionEdit(call, data, where, now)) {
        const latest = (await reread(call)) ?? call
        await refreshGroupCards(latest, now)
        return ok({ call: toCallDetail(latest, toNgoOnCall(ngo), [], now), notified: 0, promoted: 0 })
      }
      call = await reread(call)
    }
    if (!call) return fail('NOT_FOUND')
    throw new Error(`call ${call._id} kept changing while a role was saved`)
  },
})

function edited(role: CallRole, edit: { name: string; description: string; capacity?: number }): CallRole {
  return { ...role, name: edit.name, description: edit.description, capacity: edit.capacity ?? role.capacity }
}

/** The role numbered after the highest, and its empty slot in each session still ahead. */
function newRole(
  call: Call,
  roles: CallRole[],
  edit: { name: string; description: string; capacity?: number },
  now: number,
) {
  const number = Math.max(0, ...roles.map((role) => Number(role.id.slice(1)) || 0)) + 1
  const role: CallRole = {
    id: `r${number}`,
    name: edit.name,
    description: edit.description,
    capacity: edit.capacity ?? 1,
  }
  const data: Record<string, unknown> = { roles: [...roles, role] }
  const where: Record<string, unknown> = {}
  let places = 0
  for (const session of sessionsAhead(call, now)) {
    const key = slotKey(session.id, role.id)
    const counters: SlotCounters = {
      capacity: role.capacity,
      confirmed: 0,
      waitlisted: 0,
      startAt: session.startAt,
    }
    data[`slots.${key}`] = counters
    where[`slots.${key}`] = _.exists(false)
    places += role.capacity
  }
  data.capacity = _.inc(places)
  return { data, where }
}
