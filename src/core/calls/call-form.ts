// The call editor's form (saveCall): every field of a call, checked the same way in the editor and the function.
import { ADDRESS_MAX_LENGTH, CAPACITY_MAX, readCancelLead } from './call-edit'
import type { CallForm, SessionForm } from './contract'
import { sessionsFromRule, validateRepeatRule } from './repeat'
import { readMaxSlots, readRoles, readSessions } from './session-form'
import { MAX_SLOTS } from './slots'
import { readFileId } from '@core/ngos/ngo'
import { readInsuranceSetting } from '@core/privacy/insurance'
import { readCompanionRule } from './companions'
import { readReminderLead } from '@core/messages/reminders'
import { charCount } from '@core/shared/validation'
import { CITY_MAX_LENGTH, TAG_MAX_LENGTH } from './validate'
import type { Question, QuestionKind, RepeatRule } from '@core/model'
import {
  asInput,
  cleanText,
  type FieldErrors,
  finish,
  notAnObject,
  readText,
  readTime,
  type Validation,
} from '@core/shared/validation'

export const TITLE_MAX_LENGTH = 40
export const DESCRIPTION_MAX_LENGTH = 2000
export const TAGS_MAX = 5
export const QUESTIONS_MAX = 10
export const QUESTION_TITLE_MAX_LENGTH = 50
export const OPTIONS_MAX = 10
export const OPTION_MAX_LENGTH = 20

const KINDS: readonly QuestionKind[] = ['text', 'textarea', 'single', 'multi']

/**
 * The form, cleaned (optional fields absent when empty). A draft may be saved half done: only its title and times
 * are needed then (the editor always has times), and checkPublishable asks for the rest before it goes live.
 */
export function validateCallForm(
  input: unknown,
  stage: 'draft' | 'publish' = 'publish',
): Validation<CallForm> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const draft = stage === 'draft'
  const text = (key: string, label: string, max: number, required = !draft, multiline = false) =>
    readText(fields, key, { label, required, max, multiline }, errors) ?? ''
  // Several sessions (listed, or made by a rule) give the call its times: its first start and its last end.
  const { sessions: planned, repeat } = readPlannedSessions(fields, errors)
  const timed = planned?.length
    ? { ...fields, startAt: planned[0].startAt, endAt: Math.max(...planned.map((p) => p.endAt)) }
    : fields
  const form: CallForm = {
    title: text('title', '活动标题', TITLE_MAX_LENGTH, true),
    description: text('description', '活动介绍', DESCRIPTION_MAX_LENGTH, !draft, true),
    tags: readTags(fields.tags, errors),
    city: text('city', '城市', CITY_MAX_LENGTH),
    address: text('address', '地址', ADDRESS_MAX_LENGTH),
    startAt: requiredTime(timed, 'startAt', '开始时间', errors),
    endAt: requiredTime(timed, 'endAt', '结束时间', errors),
    signupDeadline: requiredTime(fields, 'signupDeadline', '报名截止时间', errors),
    capacity: 0,
    waitlist: fields.waitlist === true,
    questions: readQuestions(fields.questions, errors),
  }
  const cover = readFileId(fields, 'cover', '封面', errors)
  if (cover) form.cover = cover
  const cutoff = readTime(fields, 'cancelCutoff', '取消截止时间', errors)
  if (cutoff !== undefined) form.cancelCutoff = cutoff
  const cancelLead = readCancelLead(fields, errors)
  if (cancelLead !== undefined) form.cancelLeadHours = cancelLead
  const lead = readReminderLead(fields, errors)
  if (lead !== undefined) form.reminderLeadHours = lead
  if (fields.location !== undefined && fields.location !== null) {
    const { lat, lng } = asInput(fields.location) ?? {}
    if (typeof lat === 'number' && typeof lng === 'number' && Math.abs(lat) <= 90 && Math.abs(lng) <= 180)
      form.location = { lat, lng }
    else errors.location = '位置无效'
  }
  const capacity = fields.capacity
  // a draft's capacity may still be blank (0 stands for "not set")
  if (draft && (capacity === undefined || capacity === null || capacity === 0)) form.capacity = 0
  else if (
    typeof capacity !== 'number' ||
    !Number.isInteger(capacity) ||
    capacity < 1 ||
    capacity > CAPACITY_MAX
  )
    errors.capacity = `名额应为 1 到 ${CAPACITY_MAX} 的整数`
  else form.capacity = capacity
  if (fields.waitlist !== undefined && typeof fields.waitlist !== 'boolean') errors.waitlist = '候补设置无效'
  if (planned) form.sessions = planned
  if (repeat) form.repeat = repeat
  const roles = readRoles(fields.roles, errors)
  if (roles?.length) {
    form.roles = roles
    form.capacity = roles.reduce((sum, role) => sum + role.capacity, 0) // places per session, all roles
    delete errors.capacity
  }
  const maxSlots = readMaxSlots(fields.maxSlotsPerPerson, errors)
  if (maxSlots !== undefined) form.maxSlotsPerPerson = maxSlots
  const insurance = readInsuranceSetting(fields.insurance, errors)
  if (insurance) form.insurance = insurance
  const companions = readCompanionRule(fields.companions, errors)
  if (companions) form.companions = companions
  if ((planned?.length ?? 1) * Math.max(1, roles?.length ?? 0) > MAX_SLOTS)
    errors.sessions = `场次 × 岗位最多${MAX_SLOTS}个，请减少场次或岗位`
  // Sign-ups close with the last session at the latest (each session's own places close at its start).
  const lastStart = planned?.length ? planned[planned.length - 1].startAt : form.startAt
  if (!errors.startAt && !errors.endAt && form.endAt <= form.startAt) errors.endAt = '结束时间应晚于开始时间'
  if (!errors.startAt && !errors.signupDeadline && form.signupDeadline > lastStart)
    errors.signupDeadline = planned
      ? '报名截止时间不能晚于最后一个场次的开始'
      : '报名截止时间不能晚于开始时间'
  if (form.cancelCutoff !== undefined && !errors.startAt && form.cancelCutoff > lastStart)
    errors.cancelCutoff = '取消截止时间不能晚于开始时间'
  return finish(errors, form)
}

/**
 * `sessions` listed by the organizer, or made by `repeat` (kept too, so a draft reopens as its rule); no sessions
 * for a call of one session.
 */
function readPlannedSessions(
  fields: Record<string, unknown>,
  errors: FieldErrors,
): { sessions?: SessionForm[]; repeat?: RepeatRule } {
  if (fields.repeat !== undefined && fields.repeat !== null) {
    if (fields.sessions !== undefined && fields.sessions !== null) {
      errors.sessions = '请选择逐个添加场次或按规则重复，不能同时使用'
      return {}
    }
    const rule = validateRepeatRule(fields.repeat)
    if (!rule.ok) {
      for (const [key, message] of Object.entries(rule.fields)) errors[`repeat.${key}`] = message
      return {}
    }
    const sessions = sessionsFromRule(rule.value).map(({ startAt, endAt }) => ({ startAt, endAt }))
    return { sessions, repeat: rule.value }
  }
  return { sessions: readSessions(fields.sessions, errors) }
}

/** What must hold when a call goes live: a draft saved half done is complete, and its dates are still ahead. */
export function checkPublishable(
  form: Pick<CallForm, 'startAt' | 'signupDeadline' | 'description' | 'city' | 'address' | 'capacity'>,
  now: number,
): FieldErrors {
  const errors: FieldErrors = {}
  if (!form.description.trim()) errors.description = '发布前请填写活动介绍'
  if (!form.city.trim()) errors.city = '发布前请填写城市'
  if (!form.address.trim()) errors.address = '发布前请填写地址'
  if (!(form.capacity >= 1)) errors.capacity = '发布前请填写名额'
  if (form.startAt <= now) errors.startAt = '开始时间已过，请修改后再发布'
  else if (form.signupDeadline <= now) errors.signupDeadline = '报名截止时间已过，请修改后再发布'
  return errors
}

/** The texts of a form that content review must see, by field. */
export function textsOf(form: CallForm): Record<string, string> {
  const texts: Record<string, string> = {
    title: form.title,
    description: form.description,
    address: form.address,
  }
  if (form.tags.length) texts.tags = form.tags.join(' ')
  form.questions.forEach((q, i) => {
    texts[`questions.${i}`] = [q.title, ...(q.options ?? [])].join(' ')
  })
  return texts
}

function requiredTime(
  fields: Record<string, unknown>,
  key: string,
  label: string,
  errors: FieldErrors,
): number {
  const value = readTime(fields, key, label, errors)
  if (value === undefined && !errors[key]) errors[key] = `请选择${label}`
  return value ?? 0
}

function readTags(raw: unknown, errors: FieldErrors): string[] {
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw) || !raw.every((t) => typeof t === 'string')) {
    errors.tags = '标签格式不正确'
    return []
  }
  const tags = [...new Set(raw.map((t: string) => cleanText(t)).filter((t) => t !== ''))]
  if (tags.length > TAGS_MAX) errors.tags = `标签最多${TAGS_MAX}个`
  else if (tags.some((t) => charCount(t) > TAG_MAX_LENGTH))
    errors.tags = `每个标签不超过${TAG_MAX_LENGTH}个字`
  else return tags
  return []
}

function readQuestions(raw: unknown, errors: FieldErrors): Question[] {
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) {
    errors.questions = '问题格式不正确'
    return []
  }
  if (raw.length > QUESTIONS_MAX) {
    errors.questions = `最多${QUESTIONS_MAX}个问题`
    return []
  }
  const ids = new Set<string>()
  return raw.flatMap((item, i): Question[] => {
    const key = `questions.${i}`
    const q = asInput(item)
    if (!q) {
      errors[key] = '问题格式不正确'
      return []
    }
    const id = q.id
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,16}$/.test(id) || ids.has(id)) {
      errors[key] = '问题编号无效'
      return []
    }
    ids.add(id)
    const kind = q.kind as QuestionKind
    if (!KINDS.includes(kind)) {
      errors[key] = '问题类型无效'
      return []
    }
    const title = typeof q.title === 'string' ? cleanText(q.title) : ''
    if (title === '' || charCount(title) > QUESTION_TITLE_MAX_LENGTH) {
      errors[key] = `问题标题应为 1 到 ${QUESTION_TITLE_MAX_LENGTH} 个字`
      return []
    }
    const question: Question = { id, kind, title, required: q.required === true }
    if (kind === 'single' || kind === 'multi') {
      const options = Array.isArray(q.options)
        ? q.options.map((o) => (typeof o === 'string' ? cleanText(o) : ''))
        : []
      if (options.length < 2 || options.length > OPTIONS_MAX) {
        errors[key] = `选择题应有 2 到 ${OPTIONS_MAX} 个选项`
        return []
      }
      if (
        options.some((o) => o === '' || charCount(o) > OPTION_MAX_LENGTH) ||
        new Set(options).size < options.length
      ) {
        errors[key] = `选项不能为空、重复或超过${OPTION_MAX_LENGTH}个字`
        return []
      }
      question.options = options
    }
    return [question]
  })
}
