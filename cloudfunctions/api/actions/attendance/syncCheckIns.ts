// The organizer's phone is back online: the check-ins and check-outs it recorded with no network arrive. Each pass
// is checked again (signature, session, its window holding the recorded time) and finds its holder's sign-up, also
// one made after the phone downloaded the roster; a walk-in added on the phone is recorded as addWalkIn does (the
// same phone number is the same walk-in; a phone number with a seat checks that sign-up in). Each record is applied
// once (its id is kept, so a retry answers `duplicate`), and a second phone's copy of an event changes nothing: the
// earliest check-in and the latest check-out count, and differing check-outs are reported to the organizer.
import { canRecordAttendance, checkInClosedMessage, ON_THE_DAY } from '@core/attendance/attendance'
import type {
  OfflineRecord,
  SyncCheckInsResponse,
  SyncConflict,
  SyncRecordResult,
} from '@core/attendance/contract'
import { decideRecord, type Decision } from '@core/attendance/offline'
import { CLOCK_SKEW_MS } from '@core/attendance/offline-pass'
import { findSession, sessionIdOf } from '@core/attendance/sessions'
import { hasSlots, ONLY_SLOT, rolesOf, slotKey } from '@core/calls/slots'
import { validateSyncCheckIns } from '@core/attendance/validate'
import { minutesBetween, roundHours } from '@core/attendance/hours'
import type { HoursRule, SignUp } from '@core/model'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { ruleOf } from '@lib/attendance/attendance'
import { passWindow, readPass } from '@lib/attendance/offline-passes'
import { recordWalkIn } from '@lib/attendance/walk-ins'
import { allSignUps } from '@lib/calls/signups'
import { _ } from '@lib/cloud/cloud'
import { collection, findById, findByIds, insertOnce, updateWhere } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

export const syncCheckIns = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateSyncCheckIns,
  run: async ({ input, call, ngo, openid, now }): Promise<ApiResult<SyncCheckInsResponse>> => {
    if (!canRecordAttendance(call, now)) return fail('CLOSED', checkInClosedMessage(call, now))
    const session = findSession(call, input.sessionId)
    if (!session) return fail('INVALID_INPUT', '活动没有这个场次', { sessionId: '活动没有这个场次' })
    if (session.cancelledAt !== undefined) return fail('CLOSED', '这一场已取消，不能签到')
    const window = passWindow(session)
    const docId = (record: OfflineRecord) => `${call._id}_${record.id}`
    const applied = await findByIds('offlineRecords', input.records.map(docId))
    const rows = new Map(
      (await allSignUps(call._id)).filter((s) => sessionIdOf(s) === session.id).map((s) => [s._id, s]),
    )
    const rule = ruleOf(ngo)
    const inWindow = (record: OfflineRecord) =>
      record.at <= now + CLOCK_SKEW_MS && record.at >= window.validFrom && record.at <= window.validUntil
    // a walk-in recorded offline takes the first role, as addWalkIn does when none is chosen
    const walkInSlot = hasSlots(call) ? slotKey(session.id, rolesOf(call)[0]?.id) : ONLY_SLOT
    // kept after the change: a crash in between replays a record whose effect is already there (unchanged)
    const keep = (record: OfflineRecord, row: SignUp, outcome: 'applied' | 'unchanged' | 'refused') =>
      insertOnce('offlineRecords', {
        _id: docId(record),
        callId: call._id,
        sessionId: session.id,
        signUpId: row._id,
        mode: record.mode,
        at: record.at,
        outcome,
        syncedAt: now,
      })
    const results: SyncRecordResult[] = []
    const conflicts: SyncConflict[] = []
    // in time order, a check-in before a check-out of the same moment: one phone's day replays as it happened
    const ordered = [...input.records].sort((a, b) => a.at - b.at || (a.mode === 'in' ? -1 : 1))
    for (const record of ordered) {
      if (applied.has(docId(record))) {
        results.push({ id: record.id, outcome: 'duplicate', signUpId: applied.get(docId(record))?.signUpId })
        continue
      }
      const refuse = (message: string, row?: SignUp) => {
        results.push({ id: record.id, outcome: 'refused', message, ...(row ? { signUpId: row._id } : {}) })
        conflicts.push({
          recordId: record.id,
          ...(row ? { signUpId: row._id, name: row.name } : {}),
          message: row ? `${row.name}：${message}` : message,
        })
      }
      let row: SignUp | undefined
      if (record.pass !== undefined) {
        const check = readPass(record.pass, { callId: call._id, sessionId: session.id }, record.at)
        if (!check.ok) {
          refuse(`离线扫码：${check.message}，未计入`)
          continue
        }
        const theirs = [...rows.values()].filter((s) => s.openid === check.pass.openid)
        row = theirs.find((s) => s.status === 'attended') ?? theirs.find((s) => ON_THE_DAY.includes(s.status))
      } else if (record.walkIn !== undefined) {
        const person = record.walkIn
        if (!inWindow(record)) {
          refuse(`${person.name}（现场报名）：记录时间不在本场签到时间内（手机时间不准？），未计入`)
          continue
        }
        // the walk-in this phone number already is (added online, or by this or another phone's copy)…
        row = [...rows.values()].find((s) => s.walkIn === true && s.phone === person.phone)
        if (!row && record.mode === 'out') {
          row = [...rows.values()].find(
            (s) => s.walkIn !== true && s.phone === person.phone && ON_THE_DAY.includes(s.status),
          )
          if (!row) {
            results.push({
              id: record.id,
              outcome: 'waiting',
              message: '此人的现场报名还没有同步，签退暂不计入',
            })
            continue
          }
        }
        if (!row) {
          // …or a new one, checked in when the phone recorded it
          const walkIn = await recordWalkIn(
            call,
            { slot: walkInSlot, sessionId: session.id },
            person,
            record.at,
            openid,
            now,
          )
          if (!walkIn.ok && walkIn.code === 'CONTENT_RISKY') {
            refuse(`${person.name}（现场报名）：姓名未通过内容安全检查，未计入`)
            continue
          }
          // someone with a seat in this session has that phone: their own sign-up is checked in instead
          row = walkIn.row
          rows.set(row._id, row)
          if (walkIn.ok && walkIn.created) {
            results.push({ id: record.id, outcome: 'applied', signUpId: row._id })
            await keep(record, row, 'applied')
            continue
          }
        }
      } else {
        row = rows.get(record.signUpId ?? '')
      }
      if (!row) {
        refuse('此人没有报名本场，未计入')
        continue
      }
      if (!inWindow(record)) {
        refuse('记录时间不在本场签到时间内（手机时间不准？），未计入', row)
        continue
      }
      const { decision, latest } = await apply(row, record, rule, now)
      rows.set(latest._id, latest)
      const outcome = decision.kind === 'keep' ? decision.outcome : 'applied'
      if (outcome === 'waiting') {
        results.push({
          id: record.id,
          outcome,
          signUpId: row._id,
          message: decision.kind === 'keep' ? decision.message : undefined,
        })
        continue
      }
      const result: SyncRecordResult = { id: record.id, outcome, signUpId: row._id }
      if (decision.kind === 'keep' && decision.message) result.message = decision.message
      results.push(result)
      // a refusal always reaches the organizer (no seat, out before in), in the rule's words or the result's
      const conflict =
        decision.kind === 'keep' || decision.kind === 'check-out'
          ? (decision.conflict ??
            (outcome === 'refused' && result.message ? `${row.name}：${result.message}` : undefined))
          : undefined
      if (conflict)
        conflicts.push({ recordId: record.id, signUpId: row._id, name: row.name, message: conflict })
      // no seat (yet): not kept, so the record counts if sent again once the person has one
      if (outcome === 'refused' && !(decision.kind === 'keep' && decision.conflict)) continue
      await keep(record, row, outcome)
    }
    const order = new Map(input.records.map((r, i) => [r.id, i]))
    results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    return ok({ results, conflicts })
  },
})

/**
 * Applies one record to the row with a conditional update on what was read; when another request changed the row
 * meanwhile, reads it again and decides again.
 */
async function apply(
  row: SignUp,
  record: OfflineRecord,
  rule: HoursRule,
  now: number,
): Promise<{ decision: Decision; latest: SignUp }> {
  let current = row
  for (let attempt = 0; ; attempt++) {
    const decision = decideRecord(current, record, current.name)
    if (decision.kind === 'keep') return { decision, latest: current }
    const edited = (current.hoursEdits?.length ?? 0) > 0
    const data: Record<string, unknown> = { updatedAt: now }
    const where: Record<string, unknown> = { _id: current._id, hoursConfirmedAt: _.exists(false) }
    if (decision.kind === 'check-in') {
      Object.assign(data, { status: 'attended', checkedInAt: decision.at })
      where.status = _.in(['confirmed', 'no_show'])
    } else {
      where.status = 'attended'
      where.checkedInAt = current.checkedInAt
      where.checkedOutAt = current.checkedOutAt ?? _.exists(false)
      const inAt = decision.kind === 'earlier-check-in' ? decision.at : (current.checkedInAt ?? decision.at)
      const outAt = decision.kind === 'check-out' ? decision.at : current.checkedOutAt
      if (decision.kind === 'earlier-check-in') data.checkedInAt = decision.at
      else data.checkedOutAt = decision.at
      // hours the organizer set by hand stay; else the rule's rounding, as a check-out online
      if (outAt !== undefined && !edited) data.hours = roundHours(minutesBetween(inAt, outAt), rule)
    }
    if ((await updateWhere(collection('signups').where(where), data)) === 1) {
      return { decision, latest: { ...current, ...data } as SignUp }
    }
    const fresh = await findById('signups', current._id)
    if (!fresh || attempt >= 3) throw new Error(`syncCheckIns: ${current._id} kept changing`)
    current = fresh
  }
}
