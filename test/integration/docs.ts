// Documents for the integration tests, timed relative to the real clock (the function reads Date.now()).
import type { Call, Ngo, Question, SignUp } from '@core/model'
import { signUpIdFor } from '@core/calls/slots'

export const HOUR = 3_600_000
export const DAY = 24 * HOUR

export const ORGANIZER = 'oTEST_organizer_000000000001'
export const ALICE = 'oTEST_volunteer_alice_000001'
export const BOB = 'oTEST_volunteer_bob_00000001'

/** The n-th distinct volunteer openid. */
export function volunteer(n: number): string {
  return `oTEST_volunteer_${String(n).padStart(12, '0')}`
}

export const QUESTIONS: Question[] = [
  {
    id: 'planted',
    kind: 'single',
    title: '是否参加过植树活动？',
    required: true,
    options: ['参加过', '没有参加过'],
  },
  { id: 'size', kind: 'single', title: '衣服尺码', required: false, options: ['S', 'M', 'L'] },
  { id: 'words', kind: 'textarea', title: '想对我们说的话', required: false },
]

export function ngo(overrides: Partial<Ngo> = {}): Ngo {
  return {
    _id: 'ngo-minqin',
    name: '民勤治沙',
    city: '甘肃·民勤',
    causes: ['环保'],
    intro: '在民勤种梭梭。',
    logo: '',
    contact: '',
    status: 'verified',
    admins: [ORGANIZER],
    createdAt: Date.now() - 100 * DAY,
    ...overrides,
  }
}

/** An open call 10 days ahead, sign-up until 2 days before. */
export function call(overrides: Partial<Call> = {}): Call {
  const startAt = overrides.startAt ?? Date.now() + 10 * DAY
  return {
    _id: 'trees',
    ngoId: 'ngo-minqin',
    title: '民勤梭梭林植树志愿者招募',
    description: '在沙漠边缘种下梭梭。',
    cover: '',
    tags: ['环保'],
    city: '甘肃·民勤',
    address: '民勤县西渠镇',
    startAt,
    endAt: startAt + 8 * HOUR,
    signupDeadline: startAt - 2 * DAY,
    capacity: 30,
    waitlist: false,
    questions: QUESTIONS,
    status: 'open',
    confirmed: 0,
    waitlisted: 0,
    createdAt: Date.now() - 5 * DAY,
    updatedAt: Date.now() - 5 * DAY,
    ...overrides,
  }
}

export function signUp(callId: string, openid: string, overrides: Partial<SignUp> = {}): SignUp {
  return {
    _id: signUpIdFor(callId, openid),
    callId,
    openid,
    name: '林晓',
    phone: '13800138000',
    answers: { planted: '没有参加过' },
    status: 'confirmed',
    createdAt: Date.now() - DAY,
    updatedAt: Date.now() - DAY,
    ...overrides,
  }
}

/** A form that passes validation for `call()`'s questions. */
export function form(callId = 'trees', overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    callId,
    name: ' 林晓 ',
    phone: '13800138000',
    answers: { planted: '没有参加过', size: 'M' },
    privacyConsent: true,
    ...overrides,
  }
}
