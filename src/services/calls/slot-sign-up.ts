// Signing up for several slots of a call with one form: one `signUp` per slot, in the call's order, one after the
// other, with the same name, phone and answers. Each is idempotent for its slot (a retry, or a slot already held,
// answers with the existing sign-up), and a busy cloud queues each one as it queues a single sign-up. A slot that
// is full, closed or past the person's limit does not stop the others: the success page lists each outcome.
import type { SignUpRequest, SignUpView } from '@core/calls/contract'
import { type ApiError, ERROR_MESSAGES, type ErrorCode } from '@core/shared/errors'
import { signUp, type CallOptions } from '@services/cloud/api'

export type SlotOutcome =
  | { slot: string; ok: true; signUp: SignUpView }
  | { slot: string; ok: false; code: ErrorCode; message: string }

/**
 * A refusal that says something about the form itself (a field's message, a text that failed review, no login):
 * every slot would answer the same, so the form shows it and nothing more is sent.
 */
function isAboutTheForm(error: ApiError): boolean {
  if (error.code === 'CONTENT_RISKY' || error.code === 'UNAUTHENTICATED') return true
  return error.code === 'INVALID_INPUT' && Object.keys(error.fields ?? {}).some((field) => field !== 'slot')
}

export interface SlotSignUpOptions extends CallOptions {
  /** before each slot is sent: its index, for 「提交中（2/3）…」 */
  onSlot?: (index: number) => void
}

/**
 * Signs up for `slots` in order. `stopped`: the first answer was about the form (nothing was signed up; show its
 * message and fields as for one sign-up); else one outcome per slot.
 */
export async function signUpForSlots(
  request: Omit<SignUpRequest, 'slot'>,
  slots: readonly string[],
  options: SlotSignUpOptions = {},
): Promise<{ stopped: ApiError } | { stopped?: undefined; outcomes: SlotOutcome[] }> {
  const outcomes: SlotOutcome[] = []
  for (const [index, slot] of slots.entries()) {
    options.onSlot?.(index)
    const result = await signUp({ ...request, slot }, { onQueued: options.onQueued })
    if (result.ok) {
      outcomes.push({ slot, ok: true, signUp: result.data.signUp })
      continue
    }
    if (index === 0 && isAboutTheForm(result)) return { stopped: result }
    outcomes.push({ slot, ok: false, code: result.code, message: result.message })
  }
  return { outcomes }
}

// The outcomes travel to the success page in its address (`results=s1-r1~ok.s2-r1~FULL`), so a reload there still
// shows them; a slot key holds no '~' or '.', an error code neither.

export function outcomesQuery(outcomes: readonly SlotOutcome[]): string {
  return outcomes.map((outcome) => `${outcome.slot}~${outcome.ok ? 'ok' : outcome.code}`).join('.')
}

export type ShownOutcome = { slot: string; ok: true } | { slot: string; ok: false; code: ErrorCode }

/** The outcomes read back from the success page's address; anything unreadable is left out. */
export function outcomesFromQuery(query: string | undefined): ShownOutcome[] {
  if (!query) return []
  const shown: ShownOutcome[] = []
  for (const part of decodeURIComponent(query).split('.')) {
    const [slot, code] = part.split('~')
    if (!slot || !code) continue
    if (code === 'ok') shown.push({ slot, ok: true })
    else if (code in ERROR_MESSAGES) shown.push({ slot, ok: false, code: code as ErrorCode })
  }
  return shown
}

/** Why a slot was not signed up for, in words (the limit with its number when the call has one). */
export function refusalText(code: ErrorCode, maxSlotsPerPerson?: number): string {
  if (code === 'SLOT_LIMIT' && maxSlotsPerPerson !== undefined)
    return `每人最多报名 ${maxSlotsPerPerson} 个场次`
  if (code === 'CLOSED') return '该场次已停止报名'
  return ERROR_MESSAGES[code]
}
