// What the sign-up form remembers on this phone, and only here (Taro storage: WeChat's per-user storage on the
// phone, localStorage in the browser; nothing is sent anywhere):
// - the volunteer's name and phone from their last successful sign-up, offered on the next form;
// - a draft per call while a form is being filled, so leaving and coming back loses nothing. A draft holds that
//   call's answers; the saved profile never holds answers (each call asks its own questions);
// - which calls the volunteer signed up for on this phone (ids only): a call's page shown while the cloud is too busy
//   to say whether they have a sign-up offers 报名 at once to someone who has none here, and waits for the cloud's
//   word only for someone who may have one (services/calls/call-page.ts).
// All are forgotten after 删除我的数据 (隐私与数据) and can be forgotten there on their own.
import Taro from '@tarojs/taro'
import type { Answers } from '@core/model'

export interface SavedProfile {
  name: string
  phone: string
}

/** A companion as typed on the form (the age stays text until it is sent). */
export interface KeptCompanion {
  name: string
  kind: 'adult' | 'child'
  age: string
}

export interface SignUpDraft {
  name: string
  phone: string
  answers: Answers
  /** 同行人 as typed (absent in drafts kept before companions existed) */
  companions: KeptCompanion[]
  savedAt: number
}

/** more than any call allows: what storage may hold beyond it is not a draft of ours */
const MAX_KEPT_COMPANIONS = 20

const PROFILE_KEY = 'jushou.volunteer-profile'
const SIGNED_UP_KEY = 'jushou.signed-up-calls'
/** the most call ids kept (the oldest go first): far more than anyone signs up for while those calls are open */
const MAX_SIGNED_UP = 200
const DRAFT_PREFIX = 'jushou.sign-up-draft.'
/** a draft older than this is stale (the call has long started or ended) */
const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000

function read(key: string): unknown {
  try {
    return Taro.getStorageSync(key) || null
  } catch {
    return null
  }
}

function write(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value)
  } catch {
    // storage full or unavailable (private mode): the form still works, it just does not remember
  }
}

function remove(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // nothing to forget
  }
}

const isText = (v: unknown): v is string => typeof v === 'string'

export function loadProfile(): SavedProfile | null {
  const value = read(PROFILE_KEY) as Partial<SavedProfile> | null
  if (!value || !isText(value.name) || !isText(value.phone) || !value.name || !value.phone) return null
  return { name: value.name, phone: value.phone }
}

export function saveProfile(profile: SavedProfile): void {
  write(PROFILE_KEY, { name: profile.name, phone: profile.phone })
}

export function loadDraft(callId: string, now = Date.now()): SignUpDraft | null {
  const value = read(DRAFT_PREFIX + callId) as Partial<SignUpDraft> | null
  if (!value || !isText(value.name) || !isText(value.phone) || typeof value.savedAt !== 'number') return null
  if (now - value.savedAt > DRAFT_MAX_AGE_MS) {
    remove(DRAFT_PREFIX + callId)
    return null
  }
  const answers = value.answers && typeof value.answers === 'object' ? (value.answers as Answers) : {}
  return {
    name: value.name,
    phone: value.phone,
    answers,
    companions: keptCompanions(value.companions),
    savedAt: value.savedAt,
  }
}

function keptCompanions(raw: unknown): KeptCompanion[] {
  if (!Array.isArray(raw)) return []
  return raw
    .slice(0, MAX_KEPT_COMPANIONS)
    .filter(
      (c): c is KeptCompanion =>
        !!c && isText(c.name) && (c.kind === 'adult' || c.kind === 'child') && isText(c.age),
    )
    .map(({ name, kind, age }) => ({ name, kind, age }))
}

/** Keeps the form as it is now; an empty form keeps nothing. */
export function saveDraft(callId: string, draft: Omit<SignUpDraft, 'savedAt'>, now = Date.now()): void {
  const empty = !draft.name && !draft.phone && !hasAnswers(draft.answers) && draft.companions.length === 0
  if (empty) remove(DRAFT_PREFIX + callId)
  else write(DRAFT_PREFIX + callId, { ...draft, savedAt: now })
}

export function clearDraft(callId: string): void {
  remove(DRAFT_PREFIX + callId)
}

export function hasAnswers(answers: Answers): boolean {
  return Object.values(answers).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)))
}

function signedUpCalls(): string[] {
  const value = read(SIGNED_UP_KEY)
  return Array.isArray(value) ? value.filter(isText) : []
}

/** Remembers that the volunteer signed up for the call on this phone, or the cloud showed them a sign-up there. */
export function rememberSignedUp(callId: string): void {
  const kept = signedUpCalls().filter((id) => id !== callId)
  write(SIGNED_UP_KEY, [...kept, callId].slice(-MAX_SIGNED_UP))
}

/** Whether this phone knows of a sign-up of the volunteer for the call (cancelled since, perhaps). */
export function signedUpHere(callId: string): boolean {
  return signedUpCalls().includes(callId)
}

/** Whether anything is remembered on this phone (for 隐私与数据). */
export function hasSignUpMemory(): boolean {
  return loadProfile() !== null || draftKeys().length > 0 || signedUpCalls().length > 0
}

/** Forgets the saved profile, every draft and the calls signed up for on this phone. */
export function forgetSignUpMemory(): void {
  remove(PROFILE_KEY)
  remove(SIGNED_UP_KEY)
  for (const key of draftKeys()) remove(key)
}

function draftKeys(): string[] {
  try {
    return Taro.getStorageInfoSync().keys.filter((key) => key.startsWith(DRAFT_PREFIX))
  } catch {
    return []
  }
}
