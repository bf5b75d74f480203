// Stored documents → what the API shows. Only fields listed here leave the server (no openids, no raw phones).
import { DEFAULT_REMINDER_LEAD } from '@core/messages/reminders'
import type { CallCard, CallDetail, SessionView, SignUpView, SlotView } from './contract'
import { isSignupOpen, isSlotOpen, spotsLeft } from './rules'
import { parseSlotKey, rolesOf, sessionsOf, slotKeysOf, slotOf, slotOfSignUp, slotSpotsLeft } from './slots'
import { maskPhone } from '@core/privacy/privacy'
import { placesSummary } from './session-text'
import type { Call, CallSession, Ngo, NgoOnCall, SignUp, SlotCounters } from '@core/model'

/** What a call keeps of its NGO (Call.ngo). */
export function toNgoOnCall(ngo: Ngo): NgoOnCall {
  return {
    name: ngo.name,
    city: ngo.city,
    logo: ngo.logo,
    intro: ngo.intro,
    verified: ngo.status === 'verified',
  }
}

/** `ngoName` defaults to the name the call keeps of its NGO. */
export function toCallCard(call: Call, ngoName = call.ngo?.name ?? ''): CallCard {
  return {
    _id: call._id,
    title: call.title,
    cover: call.cover,
    ngoId: call.ngoId,
    ngoName,
    city: call.city,
    address: call.address,
    tags: call.tags,
    startAt: call.startAt,
    endAt: call.endAt,
    capacity: call.capacity,
    confirmed: call.confirmed,
    spotsLeft: spotsLeft(call),
    status: call.status,
    ...(sessionsOf(call).length > 1
      ? {
          sessionCount: sessionsOf(call).length,
          // a draft has no seats yet: its places are counted when it is published
          ...(call.status === 'draft' ? {} : { places: placesSummary(call) }),
        }
      : {}),
  }
}

/**
 * `mine`: the caller's sign-ups for this call that are not cancelled (at most one on a call of one slot), or a
 * cancelled one alone (its page shows it was cancelled); `waitRanks` the waitlist positions of the waitlisted ones.
 */
export function toCallDetail(
  call: Call,
  ngo: NgoOnCall,
  mine: readonly SignUp[],
  now: number,
  waitRanks: ReadonlyMap<string, number> = new Map(),
): CallDetail {
  const views = mine.map((signUp) => toSignUpView(signUp, waitRanks.get(signUp._id)))
  const detail: CallDetail = {
    ...toCallCard(call, ngo.name),
    description: call.description,
    signupDeadline: call.signupDeadline,
    reminderLeadHours: call.reminderLeadHours ?? DEFAULT_REMINDER_LEAD,
    waitlist: call.waitlist,
    waitlisted: call.waitlisted,
    questions: call.questions,
    ngo: { _id: call.ngoId, ...ngo },
    signupOpen: isSignupOpen(call, now),
    mySignUp: views[0] ?? null,
    sessions: sessionsOf(call).map(toSessionView),
    roles: rolesOf(call).map(({ id, name, description, capacity }) => ({ id, name, description, capacity })),
    slots: slotKeysOf(call).flatMap((key) => {
      const slot = slotOf(call, key)
      return slot ? [toSlotView(call, key, slot, now)] : []
    }),
    mySignUps: views.filter((view) => view.status !== 'cancelled'),
  }
  if (call.location) detail.location = call.location
  if (call.cancelCutoff !== undefined) detail.cancelCutoff = call.cancelCutoff
  if (call.cancelLeadHours !== undefined) detail.cancelLeadHours = call.cancelLeadHours
  if (call.maxSlotsPerPerson !== undefined) detail.maxSlotsPerPerson = call.maxSlotsPerPerson
  // only a draft's: once published its sessions are edited one by one and the rule no longer describes them
  if (call.repeat && call.status === 'draft') detail.repeat = call.repeat
  if (call.insurance) detail.insurance = call.insurance
  if (call.companions) detail.companions = call.companions
  return detail
}

function toSessionView(session: CallSession): SessionView {
  const view: SessionView = {
    id: session.id,
    startAt: session.startAt,
    endAt: session.endAt,
    cancelled: session.cancelledAt !== undefined,
  }
  if (session.name) view.name = session.name
  if (session.address) view.address = session.address
  return view
}

function toSlotView(call: Call, key: string, slot: SlotCounters, now: number): SlotView {
  const { sessionId, roleId } = parseSlotKey(key)
  const view: SlotView = {
    key,
    sessionId,
    capacity: slot.capacity,
    confirmed: slot.confirmed,
    spotsLeft: slotSpotsLeft(slot),
    waitlisted: slot.waitlisted,
    open: isSlotOpen(call, slot, now),
  }
  if (roleId) view.roleId = roleId
  return view
}

/** `waitRank`: the 1-based waitlist position, counted by the caller for a waitlisted sign-up. */
export function toSignUpView(signUp: SignUp, waitRank?: number): SignUpView {
  const view: SignUpView = {
    _id: signUp._id,
    callId: signUp.callId,
    name: signUp.name,
    phone: maskPhone(signUp.phone),
    answers: signUp.answers,
    status: signUp.status,
    slot: slotOfSignUp(signUp),
    createdAt: signUp.createdAt,
  }
  if (signUp.status === 'waitlisted' && waitRank !== undefined) view.waitRank = waitRank
  if (signUp.promotedAt !== undefined) view.promotedAt = signUp.promotedAt
  if (signUp.companions && signUp.companions.length > 0) view.companions = signUp.companions
  if ((signUp.party ?? 1) > 1) view.party = signUp.party
  if (signUp.lateDropOut) view.lateDropOut = true
  if (signUp.status === 'attended' && signUp.hours !== undefined) {
    view.hours = signUp.hours
    if (signUp.hoursConfirmedAt !== undefined) view.hoursConfirmed = true
  }
  if (signUp.subscriptions && Object.keys(signUp.subscriptions).length > 0)
    view.subscriptions = { ...signUp.subscriptions }
  return view
}
