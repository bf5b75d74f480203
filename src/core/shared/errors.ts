// Stable error codes: the function returns them, the UI shows the Chinese message (or its own, per field).

export const ERROR_MESSAGES = {
  INVALID_INPUT: '填写的信息有误，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请在微信中打开后再操作',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '活动不存在或已下架',
  FULL: '名额已满',
  CLOSED: '报名已截止',
  ALREADY_SIGNED_UP: '你已经报名了这个活动',
  NOT_SIGNED_UP: '你还没有报名这个活动',
  CALL_CANCELLED: '活动已取消',
  SLOT_LIMIT: '每人报名的场次已达上限',
  PHONE_CODE_INVALID: '获取手机号失败，请重试或手动填写',
  NGO_NOT_VERIFIED: '机构通过认证后才能发布活动',
  CONTENT_RISKY: '内容含有不适宜发布的信息，请修改后再提交',
  ALREADY_ORGANIZER: '你已经是一个机构的组织者',
  INVITE_INVALID: '邀请码无效或已失效',
  // attendance
  CODE_INVALID: '签到码无效，请扫描活动现场的二维码',
  CODE_EXPIRED: '签到码已过期，请扫描现场最新的二维码',
  NOT_CHECKED_IN: '还没有签到，不能签退',
  HOURS_CONFIRMED: '时长已确认，不能再修改',
  NO_HOURS: '还没有记录时长（未签退），不能确认',
  NOT_ENDED: '活动结束后才能标记缺席',
  // certificates
  HOURS_NOT_CONFIRMED: '机构确认志愿时长后才能生成证明',
  TOO_MANY_REQUESTS: '操作太频繁，请稍后再试',
  // notices
  NOT_PUBLISHED: '活动发布后才能通知报名者',
  NOTICE_LIMIT: '每个活动每天最多发送 5 条通知，请明天再发',
  // privacy
  ORGANIZER_CANNOT_DELETE: '你是机构组织者，请先请机构负责人将你移出（负责人需先移交机构）',
  /** WeChat Cloud's quota refused the function's requests for longer than it could wait */
  BUSY: '当前参与的人较多，请稍后再试',
  INTERNAL: '服务暂时不可用，请稍后再试',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export interface ApiError {
  ok: false
  code: ErrorCode
  message: string
  /** per-field messages for forms, keyed by field name (answers: `answers.<questionId>`) */
  fields?: Record<string, string>
}

export interface ApiSuccess<T> {
  ok: true
  data: T
}

export type ApiResult<T> = ApiSuccess<T> | ApiError

export function fail(code: ErrorCode, message?: string, fields?: Record<string, string>): ApiError {
  return fields
    ? { ok: false, code, message: message ?? ERROR_MESSAGES[code], fields }
    : { ok: false, code, message: message ?? ERROR_MESSAGES[code] }
}

export function ok<T>(data: T): ApiSuccess<T> {
  return { ok: true, data }
}
