// Deleting a volunteer's data (privacy-api.ts): the confirmation word and what an erased sign-up shows.
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
