// Stored documents → what the API shows. Only fields listed here leave the server (no openids, no raw phones).
import { DEFAULT_REMINDER_LEAD } from '@core/messages/reminders'
import type { CallCard, CallDetail, SignUpView } from './contract'
import { isSignupOpen, spotsLeft } from './rules'
import { maskPhone } from '@core/privacy/privacy'
import type { Call, Ngo, NgoOnCall, SignUp } from '@core/model'

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
  }
}

/** `waitRank`: the caller's waitlist position when `mySignUp` is waitlisted. */
export function toCallDetail(
  call: Call,
  ngo: NgoOnCall,
  mySignUp: SignUp | null,
  now: number,
  waitRank?: number,
): CallDetail {
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
    mySignUp: mySignUp ? toSignUpView(mySignUp, waitRank) : null,
  }
  if (call.location) detail.location = call.location
  if (call.cancelCutoff !== undefined) detail.cancelCutoff = call.cancelCutoff
  return detail
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
    createdAt: signUp.createdAt,
  }
  if (signUp.status === 'waitlisted' && waitRank !== undefined) view.waitRank = waitRank
  if (signUp.promotedAt !== undefined) view.promotedAt = signUp.promotedAt
  if (signUp.lateDropOut) view.lateDropOut = true
  if (signUp.status === 'attended' && signUp.hours !== undefined) {
    view.hours = signUp.hours
    if (signUp.hoursConfirmedAt !== undefined) view.hoursConfirmed = true
  }
  if (signUp.subscriptions && Object.keys(signUp.subscriptions).length > 0)
    view.subscriptions = { ...signUp.subscriptions }
  return view
}
