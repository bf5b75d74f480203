// Small documents for the core tests: a call an hour from its deadline, its NGO, a sign-up.
import type { Call, Ngo, Question, SignUp } from '@core/model'

export const NOW = Date.UTC(2025, 4, 1, 2, 0, 0)
export const HOUR = 3_600_000
export const DAY = 24 * HOUR

export const QUESTIONS: Question[] = [
  {
    id: 'planted',
    kind: 'single',
    title: '是否参加过植树活动？',
    required: true,
    options: ['参加过', '没有'],
  },
  { id: 'size', kind: 'single', title: '衣服尺码', required: false, options: ['S', 'M', 'L', 'XL'] },
  { id: 'skills', kind: 'multi', title: '你能做什么', required: true, options: ['挖坑', '浇水', '拍照'] },
  { id: 'city', kind: 'text', title: '从哪里出发', required: false, maxLength: 10 },
  { id: 'words', kind: 'textarea', title: '想对我们说的话', required: false },
]

export function makeCall(overrides: Partial<Call> = {}): Call {
  return {
    _id: 'mq-trees',
    ngoId: 'rescue-minqin',
    title: '民勤梭梭林植树志愿者招募',
    description: '在沙漠边缘种下梭梭。',
    cover: '',
    tags: ['环保'],
    city: '甘肃·民勤',
    address: '民勤县西渠镇',
    startAt: NOW + 10 * DAY,
    endAt: NOW + 10 * DAY + 8 * HOUR,
    signupDeadline: NOW + 8 * DAY,
    capacity: 30,
    waitlist: false,
    questions: QUESTIONS,
    status: 'open',
    confirmed: 12,
    waitlisted: 0,
    createdAt: NOW - 5 * DAY,
    updatedAt: NOW - 5 * DAY,
    ...overrides,
  }
}

export function makeNgo(overrides: Partial<Ngo> = {}): Ngo {
  return {
    _id: 'rescue-minqin',
    name: '民勤治沙',
    city: '甘肃·民勤',
    causes: ['环保'],
    intro: '在民勤种梭梭。',
    logo: '',
    contact: 'contact@example.org',
    status: 'verified',
    admins: ['oJUSHOU_demo_organizer_mq000'],
    createdAt: NOW - 100 * DAY,
    ...overrides,
  }
}

export function makeSignUp(overrides: Partial<SignUp> = {}): SignUp {
  return {
    _id: 'mq-trees_oJUSHOU_demo_volunteer_xlin0',
    callId: 'mq-trees',
    openid: 'oJUSHOU_demo_volunteer_xlin0',
    name: '林晓',
    phone: '13800138000',
    answers: { planted: '没有', skills: ['浇水'] },
    status: 'confirmed',
    createdAt: NOW - DAY,
    updatedAt: NOW - DAY,
    ...overrides,
  }
}
