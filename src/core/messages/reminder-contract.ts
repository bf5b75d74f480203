// The API contract of subscribe messages: which templates to ask the volunteer for, and what they accepted.
import type { TemplateKind } from './templates'
import {
  asInput,
  finish,
  notAnObject,
  readId,
  type FieldErrors,
  type Validation,
} from '@core/shared/validation'

export type SubscribeTemplatesRequest = Record<string, never>

export interface SubscribeTemplate {
  kind: TemplateKind
  id: string
  title: string
}

/** The environment's templates, in the order to ask for them (at most 3 per request, WeChat's limit). */
export interface SubscribeTemplatesResponse {
  templates: SubscribeTemplate[]
}

/**
 * What the volunteer accepted in WeChat's subscribe sheet for their sign-up to `callId` (template ids; the
 * refused ones left out). Each accepted id counts one message more. Errors: NOT_SIGNED_UP (no active sign-up),
 * INVALID_INPUT (an id that is not one of the templates), UNAUTHENTICATED.
 */
export interface RecordSubscriptionsRequest {
  callId: string
  accepted: string[]
  /** one per tap in the subscribe sheet: a retried report of the same tap is counted once */
  requestId: string
}

export interface RecordSubscriptionsResponse {
  /** acceptances now on record for this sign-up, by template id */
  subscriptions: Record<string, number>
  /** whether an 活动开始提醒 can be sent for this sign-up */
  reminder: boolean
}

export interface ReminderContract {
  subscribeTemplates: { req: SubscribeTemplatesRequest; res: SubscribeTemplatesResponse }
  recordSubscriptions: { req: RecordSubscriptionsRequest; res: RecordSubscriptionsResponse }
}

/** WeChat asks for at most 3 templates at a time. */
export const MAX_TEMPLATES_PER_REQUEST = 3

export function validateRecordSubscriptions(
  input: unknown,
  knownIds: readonly string[],
): Validation<RecordSubscriptionsRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动', errors)
  const raw = fields.accepted
  const accepted = Array.isArray(raw) ? [...new Set(raw)] : []
  if (!Array.isArray(raw)) errors.accepted = '缺少订阅结果'
  else if (raw.length > MAX_TEMPLATES_PER_REQUEST)
    errors.accepted = `一次最多订阅 ${MAX_TEMPLATES_PER_REQUEST} 种消息`
  else if (accepted.some((id) => typeof id !== 'string' || !knownIds.includes(id)))
    errors.accepted = '订阅的消息无效'
  const requestId = readId(fields, 'requestId', '订阅请求', errors)
  return finish(errors, { callId, accepted: accepted as string[], requestId })
}
