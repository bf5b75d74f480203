// Validators of the messages feature's requests (contract.ts).
import { MAX_TEMPLATES_PER_REQUEST, NOTICE_AUDIENCES, NOTICE_MAX_LENGTH, NOTICE_MIN_LENGTH } from './contract'
import type { NoticeAudience } from '@core/model'
import type { NotifyVolunteersRequest, RecordSubscriptionsRequest } from './contract'
import {
  asInput,
  charCount,
  cleanText,
  finish,
  notAnObject,
  readId,
  type FieldErrors,
  type Validation,
} from '@core/shared/validation'

export function validateNotifyVolunteers(input: unknown): Validation<NotifyVolunteersRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动', errors)
  const raw = fields.text
  const text = typeof raw === 'string' ? cleanText(raw, true) : ''
  if (raw !== undefined && raw !== null && typeof raw !== 'string') errors.text = '通知应为文字'
  else if (text === '') errors.text = '请填写通知内容'
  else if (charCount(text) < NOTICE_MIN_LENGTH) errors.text = `通知至少${NOTICE_MIN_LENGTH}个字`
  else if (charCount(text) > NOTICE_MAX_LENGTH) errors.text = `通知不能超过${NOTICE_MAX_LENGTH}个字`
  const audience = fields.audience as NoticeAudience
  if (!NOTICE_AUDIENCES.includes(audience)) errors.audience = '请选择通知对象'
  const requestId = readId(fields, 'requestId', '发送请求', errors)
  return finish(errors, { callId, text, audience, requestId })
}

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
