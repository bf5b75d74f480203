// The `api` cloud function: one entry for the mini program's user actions, dispatched on `event.action`.
// Identity comes only from WeChat's context; any openid-like field in the event is ignored. Every action goes
// through the gate (gate.ts): validation, the resource it acts on, the caller's roles toward it.
import { fail, ok, type ApiResult } from '@core/shared/errors'
import { asInput } from '@core/shared/validation'
import { callerOpenid } from '@lib/cloud/cloud'
import { now } from '@lib/cloud/clock'
import { answersBusy, startInvocation } from '@lib/cloud/quota-retry'
import { applyVerdict, isMediaCheckPush } from '@lib/moderation/media-review'
import { type AnyAction, pass } from './gate'
import { ACTIONS, isAction } from './registry'

export async function main(event: unknown): Promise<ApiResult<unknown>> {
  // WeChat pushes image review verdicts here (message push): not a user's action
  if (isMediaCheckPush(event)) return ok(await applyVerdict(event))
  const action = asInput(event)?.action
  if (!isAction(action)) return fail('UNKNOWN_ACTION')
  startInvocation()
  try {
    return await pass<unknown>(ACTIONS[action] as AnyAction, event, callerOpenid(), now())
  } catch (err) {
    // WeChat's quota refused (or a read timed out) longer than the function may wait: the client waits and sends
    // it again
    if (answersBusy(err)) return fail('BUSY')
    // The details stay in the function's log; the client gets a stable code and a calm message.
    console.error(`api ${action} failed:`, err)
    return fail('INTERNAL')
  }
}
