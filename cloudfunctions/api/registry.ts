// Every action of the `api` function, by name: what the dispatcher runs and, through each definition's `who`,
// the permission table. Adding an action = its file under actions/ (defineAction) + one line here.
import type { Action, ApiContract } from '@core/calls/contract'
import { AUDIENCES, type Role } from '@core/ngos/authorization'
import type { AnyAction } from './gate'
import { cancelCall } from './actions/calls/cancelCall'
import { cancelSignUp } from './actions/calls/cancelSignUp'
import { closeCall } from './actions/calls/closeCall'
import { getCall } from './actions/calls/getCall'
import { getPhoneNumber } from './actions/calls/getPhoneNumber'
import { listCalls } from './actions/calls/listCalls'
import { mySignUps } from './actions/calls/mySignUps'
import { recordSubscriptions } from './actions/messages/recordSubscriptions'
import { signUp } from './actions/calls/signUp'
import { subscribeTemplates } from './actions/messages/subscribeTemplates'
import { updateCall } from './actions/calls/updateCall'
import { createInvite } from './actions/ngos/createInvite'
import { exportRoster } from './actions/calls/exportRoster'
import { getNgo } from './actions/ngos/getNgo'
import { listNgos } from './actions/ngos/listNgos'
import { joinNgo } from './actions/ngos/joinNgo'
import { removeOrganizer } from './actions/ngos/removeOrganizer'
import { callShareStats } from './actions/sharing/callShareStats'
import { myRecruits } from './actions/sharing/myRecruits'
import { prepareShare } from './actions/sharing/prepareShare'
import { myNgo } from './actions/ngos/myNgo'
import { pendingNgos } from './actions/ngos/pendingNgos'
import { publishCall } from './actions/calls/publishCall'
import { registerNgo } from './actions/ngos/registerNgo'
import { rejectNgo } from './actions/ngos/rejectNgo'
import { roster } from './actions/calls/roster'
import { saveCall } from './actions/calls/saveCall'
import { verifyNgo } from './actions/ngos/verifyNgo'
import { addWalkIn } from './actions/attendance/addWalkIn'
import { attendance } from './actions/attendance/attendance'
import { checkIn } from './actions/attendance/checkIn'
import { checkInCode } from './actions/attendance/checkInCode'
import { checkOutAll } from './actions/attendance/checkOutAll'
import { confirmHours } from './actions/attendance/confirmHours'
import { editHours } from './actions/attendance/editHours'
import { exportHours } from './actions/attendance/exportHours'
import { markAttendance } from './actions/attendance/markAttendance'
import { markNoShows } from './actions/attendance/markNoShows'
import { myHours } from './actions/attendance/myHours'
import { personalCode } from './actions/attendance/personalCode'
import { setHoursRule } from './actions/attendance/setHoursRule'
import { issueCertificate } from './actions/certificates/issueCertificate'
import { myCertificates } from './actions/certificates/myCertificates'
import { verifyCertificate } from './actions/certificates/verifyCertificate'
import { deleteMyData } from './actions/privacy/deleteMyData'
import { callNotices } from './actions/messages/callNotices'
import { notifyVolunteers } from './actions/messages/notifyVolunteers'

export const ACTIONS: { readonly [A in Action]: AnyAction<ApiContract[A]['res']> } = {
  cancelCall,
  cancelSignUp,
  closeCall,
  getCall,
  getPhoneNumber,
  listCalls,
  mySignUps,
  recordSubscriptions,
  signUp,
  subscribeTemplates,
  updateCall,
  createInvite,
  exportRoster,
  getNgo,
  listNgos,
  joinNgo,
  removeOrganizer,
  callShareStats,
  myRecruits,
  prepareShare,
  myNgo,
  pendingNgos,
  publishCall,
  registerNgo,
  rejectNgo,
  roster,
  saveCall,
  verifyNgo,
  addWalkIn,
  attendance,
  checkIn,
  checkInCode,
  checkOutAll,
  confirmHours,
  editHours,
  exportHours,
  markAttendance,
  markNoShows,
  myHours,
  personalCode,
  setHoursRule,
  issueCertificate,
  myCertificates,
  verifyCertificate,
  deleteMyData,
  callNotices,
  notifyVolunteers,
}

/** Who may call each action: derived from the definitions, so the table and the dispatch cannot disagree. */
export function permissionTable(): { [A in Action]: readonly Role[] } {
  const table = {} as { [A in Action]: readonly Role[] }
  for (const action of Object.keys(ACTIONS) as Action[]) table[action] = AUDIENCES[ACTIONS[action].who]
  return table
}

export function isAction(name: unknown): name is Action {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ACTIONS, name)
}
