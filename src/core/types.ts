// The data model (DESIGN §4). Times are epoch milliseconds, so they cross JSON, EJSON and the H5 door unchanged.

export type NgoStatus = 'pending' | 'verified' | 'suspended'

export interface Ngo {
  _id: string
  name: string
  city: string
  causes: string[]
  intro: string
  logo: string
  contact: string
  status: NgoStatus
  /** openids of the people who may manage this NGO */
  admins: string[]
  createdAt: number
}

export type QuestionKind = 'text' | 'textarea' | 'single' | 'multi'

export interface Question {
  id: string
  kind: QuestionKind
  title: string
  required: boolean
  /** choices, for `single` and `multi` */
  options?: string[]
  /** for `text` and `textarea`; defaults in rules.ts */
  maxLength?: number
}

export type CallStatus = 'draft' | 'open' | 'closed' | 'cancelled'

export interface Call {
  _id: string
  ngoId: string
  title: string
  description: string
  /** image URL or cloud fileID; empty = a generated cover */
  cover: string
  tags: string[]
  city: string
  address: string
  location?: { lat: number; lng: number }
  startAt: number
  endAt: number
  signupDeadline: number
  capacity: number
  /** join a waitlist when full */
  waitlist: boolean
  questions: Question[]
  status: CallStatus
  /** counters kept with atomic updates; the rows in `signups` are the truth (repair recounts) */
  confirmed: number
  waitlisted: number
  createdAt: number
  updatedAt: number
}

export type SignUpStatus = 'confirmed' | 'waitlisted' | 'cancelled' | 'attended' | 'no_show'

export type Answers = Record<string, string | string[]>

export interface SignUp {
  /** callId + '_' + openid: one sign-up per person per call */
  _id: string
  callId: string
  openid: string
  name: string
  phone: string
  answers: Answers
  status: SignUpStatus
  waitRank?: number
  referrer?: string
  createdAt: number
  updatedAt: number
  cancelledAt?: number
}
