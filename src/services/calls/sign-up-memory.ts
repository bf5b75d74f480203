// What the sign-up form remembers on this phone, and only here (Taro storage: WeChat's per-user storage on the
// phone, localStorage in the browser; nothing is sent anywhere):
// - the volunteer's name and phone from their last successful sign-up, offered on the next form;
// - a draft per call while a form is being filled, so leaving and coming back loses nothing. A draft holds that
//   call's answers; the saved profile never holds answers (each call asks its own questions).
// Both are forgotten after 删除我的数据 (隐私与数据) and can be forgotten there on their own.
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

/** Whether anything is remembered on this phone (for 隐私与数据). */
export function hasSignUpMemory(): boolean {
  return loadProfile() !== null || draftKeys().length > 0
}

/** Forgets the saved profile and every draft on this phone. */
export function forgetSignUpMemory(): void {
  remove(PROFILE_KEY)
  for (const key of draftKeys()) remove(key)
}

function draftKeys(): string[] {
  try {
    return Taro.getStorageInfoSync().keys.filter((key) => key.startsWith(DRAFT_PREFIX))
  } catch {
    return []
  }
}
