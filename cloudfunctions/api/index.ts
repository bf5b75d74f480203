// The `api` cloud function: one entry for the mini program's user actions, dispatched on `event.action`.
// Identity comes only from WeChat's context; any openid-like field in the event is ignored.
import type { Action, ApiContract } from '../../src/core/api'
import { fail, ok, type ApiResult } from '../../src/core/errors'
import { asInput } from '../../src/core/validation'
import { callerOpenid } from '../lib/cloud'
import { now } from '../lib/clock'
import { cancelCall } from './actions/cancelCall'
import { cancelSignUp } from './actions/cancelSignUp'
import { closeCall } from './actions/closeCall'
import { getCall } from './actions/getCall'
import { getPhoneNumber } from './actions/getPhoneNumber'
import { listCalls } from './actions/listCalls'
import { mySignUps } from './actions/mySignUps'
import { recordSubscriptions } from './actions/recordSubscriptions'
import { signUp } from './actions/signUp'
import { subscribeTemplates } from './actions/subscribeTemplates'
import { updateCall } from './actions/updateCall'
import { createInvite } from './actions/createInvite'
import { exportRoster } from './actions/exportRoster'
import { getNgo } from './actions/getNgo'
import { listNgos } from './actions/listNgos'
import { joinNgo } from './actions/joinNgo'
import { removeOrganizer } from './actions/removeOrganizer'
import { callShareStats } from './actions/callShareStats'
import { myRecruits } from './actions/myRecruits'
import { prepareShare } from './actions/prepareShare'
import { myNgo } from './actions/myNgo'
import { pendingNgos } from './actions/pendingNgos'
import { publishCall } from './actions/publishCall'
import { registerNgo } from './actions/registerNgo'
import { rejectNgo } from './actions/rejectNgo'
import { roster } from './actions/roster'
import { saveCall } from './actions/saveCall'
import { verifyNgo } from './actions/verifyNgo'
import { addWalkIn } from './actions/addWalkIn'
import { attendance } from './actions/attendance'
import { checkIn } from './actions/checkIn'
import { checkInCode } from './actions/checkInCode'
import { checkOutAll } from './actions/checkOutAll'
import { confirmHours } from './actions/confirmHours'
import { editHours } from './actions/editHours'
import { exportHours } from './actions/exportHours'
import { markAttendance } from './actions/markAttendance'
import { markNoShows } from './actions/markNoShows'
import { myHours } from './actions/myHours'
import { personalCode } from './actions/personalCode'
import { setHoursRule } from './actions/setHoursRule'
import { issueCertificate } from './actions/issueCertificate'
import { myCertificates } from './actions/myCertificates'
import { verifyCertificate } from './actions/verifyCertificate'
import { deleteMyData } from './actions/deleteMyData'
import { callNotices } from './actions/callNotices'
import { notifyVolunteers } from './actions/notifyVolunteers'
import { applyVerdict, isMediaCheckPush } from '../lib/media-review'
import { authorize } from './authorize'
import type { ActionHandler } from './caller'

const actions: { [A in Action]: ActionHandler<ApiContract[A]['res']> } = {
  listCalls,
  getCall,
  signUp,
  cancelSignUp,
  mySignUps,
  closeCall,
  cancelCall,
  updateCall,
  getPhoneNumber,
  subscribeTemplates,
  recordSubscriptions,
  registerNgo,
  myNgo,
  pendingNgos,
  verifyNgo,
  rejectNgo,
  saveCall,
  publishCall,
  roster,
  exportRoster,
  createInvite,
  joinNgo,
  removeOrganizer,
  listNgos,
  getNgo,
  prepareShare,
  callShareStats,
  myRecruits,
  checkInCode,
  checkIn,
  personalCode,
  markAttendance,
  addWalkIn,
  checkOutAll,
  editHours,
  confirmHours,
  markNoShows,
  attendance,
  setHoursRule,
  myHours,
  exportHours,
  issueCertificate,
  myCertificates,
  verifyCertificate,
  deleteMyData,
  notifyVolunteers,
  callNotices,
}

function isAction(name: unknown): name is Action {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(actions, name)
}

export async function main(event: unknown): Promise<ApiResult<unknown>> {
  // WeChat pushes image review verdicts here (message push): not a user's action
  if (isMediaCheckPush(event)) return ok(await applyVerdict(event))
  const action = asInput(event)?.action
  if (!isAction(action)) return fail('UNKNOWN_ACTION')
  const openid = callerOpenid()
  try {
    const refused = await authorize(action, event, openid)
    if (refused) return refused
    return await actions[action](event, { openid, now: now() })
  } catch (err) {
    // The details stay in the function's log; the client gets a stable code and a calm message.
    console.error(`api ${action} failed:`, err)
    return fail('INTERNAL')
  }
}
