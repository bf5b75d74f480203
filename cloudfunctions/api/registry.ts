// Every action of the `api` function, by name: what the dispatcher runs and, through each definition's `who`,
// the permission table. Adding an action = its file under actions/ (defineAction) + one line here.
import type { Action, ApiContract } from '@core/api'
import { AUDIENCES, type Role } from '@core/authorization'
import type { AnyAction } from './gate'
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
