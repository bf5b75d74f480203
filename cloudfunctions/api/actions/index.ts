// Every action of the `api` function, by name. Written by config/action-index.ts from the files in these
// folders; do not edit: add or remove an action file instead.
import { addSessions } from './calls/addSessions'
import { addWalkIn } from './attendance/addWalkIn'
import { attendance } from './attendance/attendance'
import { callNotices } from './messages/callNotices'
import { callShareStats } from './sharing/callShareStats'
import { cancelCall } from './calls/cancelCall'
import { cancelSession } from './calls/cancelSession'
import { cancelSignUp } from './calls/cancelSignUp'
import { checkIn } from './attendance/checkIn'
import { checkInCode } from './attendance/checkInCode'
import { checkOutAll } from './attendance/checkOutAll'
import { closeCall } from './calls/closeCall'
import { confirmHours } from './attendance/confirmHours'
import { createInvite } from './ngos/createInvite'
import { deleteMyData } from './privacy/deleteMyData'
import { editHours } from './attendance/editHours'
import { exportHours } from './attendance/exportHours'
import { exportInsuranceList } from './privacy/exportInsuranceList'
import { exportRoster } from './calls/exportRoster'
import { getCall } from './calls/getCall'
import { getNgo } from './ngos/getNgo'
import { getPhoneNumber } from './calls/getPhoneNumber'
import { issueCertificate } from './certificates/issueCertificate'
import { joinNgo } from './ngos/joinNgo'
import { listCalls } from './calls/listCalls'
import { listNgos } from './ngos/listNgos'
import { markAttendance } from './attendance/markAttendance'
import { markNoShows } from './attendance/markNoShows'
import { myCertificates } from './certificates/myCertificates'
import { myHours } from './attendance/myHours'
import { myNgo } from './ngos/myNgo'
import { myRecruits } from './sharing/myRecruits'
import { mySignUps } from './calls/mySignUps'
import { notifyVolunteers } from './messages/notifyVolunteers'
import { offlinePasses } from './attendance/offlinePasses'
import { offlineRoster } from './attendance/offlineRoster'
import { pendingNgos } from './ngos/pendingNgos'
import { personalCode } from './attendance/personalCode'
import { prepareShare } from './sharing/prepareShare'
import { publishCall } from './calls/publishCall'
import { recordSubscriptions } from './messages/recordSubscriptions'
import { registerNgo } from './ngos/registerNgo'
import { rejectNgo } from './ngos/rejectNgo'
import { removeOrganizer } from './ngos/removeOrganizer'
import { roster } from './calls/roster'
import { saveCall } from './calls/saveCall'
import { saveRole } from './calls/saveRole'
import { setHoursRule } from './attendance/setHoursRule'
import { setSlotCapacity } from './calls/setSlotCapacity'
import { signUp } from './calls/signUp'
import { subscribeTemplates } from './messages/subscribeTemplates'
import { syncCheckIns } from './attendance/syncCheckIns'
import { updateCall } from './calls/updateCall'
import { updateSession } from './calls/updateSession'
import { verifyCertificate } from './certificates/verifyCertificate'
import { verifyNgo } from './ngos/verifyNgo'

export const ACTION_DEFINITIONS = {
  addSessions,
  addWalkIn,
  attendance,
  callNotices,
  callShareStats,
  cancelCall,
  cancelSession,
  cancelSignUp,
  checkIn,
  checkInCode,
  checkOutAll,
  closeCall,
  confirmHours,
  createInvite,
  deleteMyData,
  editHours,
  exportHours,
  exportInsuranceList,
  exportRoster,
  getCall,
  getNgo,
  getPhoneNumber,
  issueCertificate,
  joinNgo,
  listCalls,
  listNgos,
  markAttendance,
  markNoShows,
  myCertificates,
  myHours,
  myNgo,
  myRecruits,
  mySignUps,
  notifyVolunteers,
  offlinePasses,
  offlineRoster,
  pendingNgos,
  personalCode,
  prepareShare,
  publishCall,
  recordSubscriptions,
  registerNgo,
  rejectNgo,
  removeOrganizer,
  roster,
  saveCall,
  saveRole,
  setHoursRule,
  setSlotCapacity,
  signUp,
  subscribeTemplates,
  syncCheckIns,
  updateCall,
  updateSession,
  verifyCertificate,
  verifyNgo,
}
