// The typed client of the attendance actions (contract: src/core/attendance/contract.ts), through the same `callApi`.
import type { AttendanceContract } from '@core/attendance/contract'
import { callApi } from '@services/cloud/api'

type Req<A extends keyof AttendanceContract> = AttendanceContract[A]['req']

// the organizer's check-in screen and hours
export const checkInCode = (req: Req<'checkInCode'>) => callApi('checkInCode', req)
export const markAttendance = (req: Req<'markAttendance'>) => callApi('markAttendance', req)
export const addWalkIn = (req: Req<'addWalkIn'>) => callApi('addWalkIn', req)
export const checkOutAll = (req: Req<'checkOutAll'>) => callApi('checkOutAll', req)
export const attendance = (req: Req<'attendance'>) => callApi('attendance', req)
export const editHours = (req: Req<'editHours'>) => callApi('editHours', req)
export const confirmHours = (req: Req<'confirmHours'>) => callApi('confirmHours', req)
export const markNoShows = (req: Req<'markNoShows'>) => callApi('markNoShows', req)
export const setHoursRule = (req: Req<'setHoursRule'>) => callApi('setHoursRule', req)
export const exportHours = (req: Req<'exportHours'>) => callApi('exportHours', req)

// the volunteer's side
export const checkIn = (req: Req<'checkIn'>) => callApi('checkIn', req)
export const personalCode = () => callApi('personalCode', {})
export const myHours = () => callApi('myHours', {})
