// Deleting a volunteer's data (privacy/contract.ts): the confirmation word and what an erased sign-up shows.
import { asInput, finish, notAnObject, type FieldErrors, type Validation } from '@core/shared/validation'

/** What the person types or taps to confirm. */
export const DELETE_CONFIRMATION = '删除'

/** The name an erased sign-up shows on rosters, exports and attendance screens. */
export const ERASED_NAME = '已注销志愿者'

export function validateDeleteMyData(input: unknown): Validation<{ confirm: typeof DELETE_CONFIRMATION }> {
  const body = asInput(input)
  if (!body) return notAnObject()
  const errors: FieldErrors = {}
  if (body.confirm !== DELETE_CONFIRMATION) errors.confirm = `请输入「${DELETE_CONFIRMATION}」确认`
  return finish(errors, { confirm: DELETE_CONFIRMATION })
}

/** 13800138000 → 138****8000; anything shorter keeps only its last 2 characters visible. */
export function maskPhone(phone: string): string {
  if (phone.length >= 8) return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4)
  if (phone.length <= 2) return '*'.repeat(phone.length)
  return '*'.repeat(phone.length - 2) + phone.slice(-2)
}
