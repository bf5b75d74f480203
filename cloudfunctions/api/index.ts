// The `api` cloud function: one entry for the mini program's user actions, dispatched on `event.action`.
// Identity comes only from WeChat's context; any openid-like field in the event is ignored.
import type { Action, ApiContract } from '../../src/core/api'
import { fail, type ApiResult } from '../../src/core/errors'
import { asInput } from '../../src/core/validation'
import { callerOpenid } from '../lib/cloud'
import { now } from '../lib/clock'
import { cancelSignUp } from './actions/cancelSignUp'
import { getCall } from './actions/getCall'
import { listCalls } from './actions/listCalls'
import { mySignUps } from './actions/mySignUps'
import { signUp } from './actions/signUp'
import type { ActionHandler } from './caller'

// Declared in the contract, being built: answered as unknown until their handlers land.
const notYet: ActionHandler<never> = async () => fail('UNKNOWN_ACTION')

const actions: { [A in Action]: ActionHandler<ApiContract[A]['res']> } = {
  listCalls,
  getCall,
  signUp,
  cancelSignUp,
  mySignUps,
  closeCall: notYet,
  cancelCall: notYet,
  updateCall: notYet,
  getPhoneNumber: notYet,
}

function isAction(name: unknown): name is Action {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(actions, name)
}

export async function main(event: unknown): Promise<ApiResult<unknown>> {
  const action = asInput(event)?.action
  if (!isAction(action)) return fail('UNKNOWN_ACTION')
  try {
    return await actions[action](event, { openid: callerOpenid(), now: now() })
  } catch (err) {
    // The details stay in the function's log; the client gets a stable code and a calm message.
    console.error(`api ${action} failed:`, err)
    return fail('INTERNAL')
  }
}
