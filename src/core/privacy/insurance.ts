// Insurance details (保险信息): a call may ask for an ID number and an emergency contact so its NGO can buy
// 活动意外险. This is the pure part: the call's setting, the ID formats, masking, the consent text and the
// retention date. Storage (encrypted, in its own collection) is cloudfunctions/lib/privacy/insurance.ts.
import type { Call, CallInsurance, IdType } from '@core/model'
import {
  asInput,
  cleanText,
  type FieldErrors,
  type Input,
  readName,
  type Validation,
} from '@core/shared/validation'

export const RETENTION_DAYS_DEFAULT = 30
export const RETENTION_DAYS_MIN = 1
export const RETENTION_DAYS_MAX = 180
export const EMERGENCY_NAME_MAX_LENGTH = 20

const DAY_MS = 24 * 60 * 60 * 1000
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

/** The kinds of ID a volunteer may give, in the order the picker lists them. */
export const ID_TYPES: readonly { type: IdType; label: string }[] = [
  { type: 'mainland', label: '居民身份证' },
  { type: 'hkmo', label: '港澳居民来往内地通行证' },
  { type: 'taiwan', label: '台湾居民来往大陆通行证' },
  { type: 'passport', label: '护照' },
]

export function idTypeLabel(type: IdType): string {
  return ID_TYPES.find((entry) => entry.type === type)?.label ?? '证件'
}

// GB 11643-1999: the 18th character checks the first 17.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** The check character of the first 17 digits of a 居民身份证号. */
export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

/** The number as it is kept: spaces and dashes gone, letters upper case (a typed `x` is the check char X). */
export function normalizeIdNumber(raw: string): string {
  return cleanText(raw).replace(/[\s-]/g, '').toUpperCase()
}

/**
 * Why `number` (normalized) is not a valid ID of `type`, or null when it is. A 居民身份证号 needs 18 characters,
 * a real birth date (not in the future, China time of `now`) and the right check character.
 */
export function idNumberProblem(type: IdType, number: string, now: number): string | null {
  switch (type) {
    case 'mainland': {
      if (!/^\d{17}[\dX]$/.test(number)) return '身份证号应为18位（最后一位可为X）'
      if (!/^[1-9]\d/.test(number)) return '身份证号的地区码不正确'
      const year = Number(number.slice(6, 10))
      const month = Number(number.slice(10, 12))
      const day = Number(number.slice(12, 14))
      const birth = Date.UTC(year, month - 1, day)
      const date = new Date(birth)
      const real = year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && month >= 1
      if (!real) return '身份证号中的出生日期不正确'
      if (birth > now + CHINA_OFFSET_MS) return '身份证号中的出生日期不能晚于今天'
      if (idCheckChar(number) !== number[17]) return '身份证号校验位不正确，请核对'
      return null
    }
    case 'hkmo':
      return /^[HM]\d{8}(\d{2})?$/.test(number) ? null : '港澳通行证号码应为H或M开头加8位或10位数字'
    case 'taiwan':
      return /^(\d{8}|\d{10})$/.test(number) ? null : '台湾居民来往大陆通行证号码应为8位或10位数字'
    case 'passport':
      return /^[A-Z0-9]{5,20}$/.test(number) ? null : '护照号码应为5到20位字母或数字'
  }
}

/** 620102199003071234 → 6201**********1234: first 4 and last 4 shown; a short number shows 2 and 2. */
export function maskIdNumber(number: string): string {
  const keep = number.length >= 12 ? 4 : number.length >= 6 ? 2 : 0
  if (keep === 0) return '*'.repeat(number.length)
  return number.slice(0, keep) + '*'.repeat(number.length - 2 * keep) + number.slice(-keep)
}

/** 王小明 → 王** (the family name only). */
export function maskName(name: string): string {
  const chars = Array.from(name)
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1)
}

/** Emergency contacts may be outside the mainland: digits, maybe a leading +, 7 to 15 of them. */
export const EMERGENCY_PHONE_PATTERN = /^\+?\d{7,15}$/

// ---------------------------------------------------------------------------------------------------------------
// The call's setting

/** What the call asks, cleaned; undefined when it asks nothing (both off or absent). */
export function readInsuranceSetting(raw: unknown, errors: FieldErrors): CallInsurance | undefined {
  if (raw === undefined || raw === null) return undefined
  const fields = asInput(raw)
  if (!fields) {
    errors.insurance = '保险设置格式不正确'
    return undefined
  }
  const idNumber = fields.idNumber === true
  const emergencyContact = fields.emergencyContact === true
  let retentionDays = RETENTION_DAYS_DEFAULT
  const days = fields.retentionDays
  if (days !== undefined && days !== null) {
    if (
      typeof days !== 'number' ||
      !Number.isInteger(days) ||
      days < RETENTION_DAYS_MIN ||
      days > RETENTION_DAYS_MAX
    )
      errors['insurance.retentionDays'] = `保存天数应为 ${RETENTION_DAYS_MIN} 到 ${RETENTION_DAYS_MAX} 的整数`
    else retentionDays = days
  }
  if (!idNumber && !emergencyContact) return undefined
  return { idNumber, emergencyContact, retentionDays }
}

/** Whether the call asks for insurance details at all. */
export function asksInsurance(call: Pick<Partial<Call>, 'insurance'>): boolean {
  return call.insurance !== undefined && (call.insurance.idNumber || call.insurance.emergencyContact)
}

/** When a call's details are deleted: the end of its last session (cancelled or not) + the retention days. */
export function insuranceDeleteAfter(
  call: Pick<Call, 'startAt' | 'endAt'> & Partial<Pick<Call, 'sessions' | 'insurance'>>,
): number {
  const ends = (call.sessions?.length ? call.sessions : [call]).map((session) => session.endAt)
  const days = call.insurance?.retentionDays ?? RETENTION_DAYS_DEFAULT
  return Math.max(call.endAt, ...ends) + days * DAY_MS
}

/** What the volunteer reads before agreeing: what, why, who sees it, when it goes. */
export function insuranceConsentText(setting: CallInsurance): string[] {
  const what = [
    setting.idNumber ? '证件类型和证件号码' : '',
    setting.emergencyContact ? '紧急联系人姓名和电话' : '',
  ].filter(Boolean)
  return [
    `收集内容：${what.join('、')}。`,
    '用途：仅用于为本次活动购买活动意外险。',
    '谁能看到：加密保存，页面和名单中只显示打码后的号码；仅机构负责人可导出投保名单，每次导出都会记录。',
    `何时删除：活动结束 ${setting.retentionDays} 天后自动删除；你也可以随时在「删除我的数据」中立即删除。`,
  ]
}

// ---------------------------------------------------------------------------------------------------------------
// What the volunteer gives

/** A companion's ID as typed, in the order of the sign-up's companions. */
export interface CompanionIdForm {
  idType?: IdType
  idNumber?: string
}

export interface InsuranceForm {
  idType?: IdType
  idNumber?: string
  emergencyName?: string
  emergencyPhone?: string
  /** on a call asking ID numbers: one per companion (a family is insured person by person) */
  companions?: CompanionIdForm[]
  /** must be true: the volunteer read insuranceConsentText and agreed */
  consent: boolean
}

/** The details, clean: only what the call asks. */
export interface CleanInsurance {
  idType?: IdType
  idNumber?: string
  emergencyName?: string
  emergencyPhone?: string
  /** each companion's ID, in the order of the sign-up's companions (the emergency contact covers the party) */
  companions?: { idType: IdType; idNumber: string }[]
}

/** One ID (type and number) read from `fields`, its errors keyed `<prefix>.idType` / `<prefix>.idNumber`. */
function readIdDocument(
  fields: Input,
  prefix: string,
  errors: FieldErrors,
  now: number,
): { idType: IdType; idNumber: string } | undefined {
  const type = fields.idType
  let idType: IdType | undefined
  if (!ID_TYPES.some((entry) => entry.type === type)) errors[`${prefix}.idType`] = '请选择证件类型'
  else idType = type as IdType
  const number = fields.idNumber
  if (typeof number !== 'string' || normalizeIdNumber(number) === '') {
    errors[`${prefix}.idNumber`] = '请填写证件号码'
    return undefined
  }
  if (!idType) return undefined
  const normalized = normalizeIdNumber(number)
  const problem = idNumberProblem(idType, normalized, now)
  if (problem) {
    errors[`${prefix}.idNumber`] = problem
    return undefined
  }
  return { idType, idNumber: normalized }
}

/**
 * The volunteer's details, checked against what the call asks; errors keyed `insurance.<field>`. Used by the
 * form and by signUp (which then stores nothing on a bad input).
 */
export function validateInsuranceForm(
  raw: unknown,
  setting: CallInsurance,
  now: number,
  /** how many companions the sign-up brings (each needs an ID when the call asks ID numbers) */
  companionCount = 0,
): Validation<CleanInsurance> {
  const errors: FieldErrors = {}
  const fields: Input = asInput(raw) ?? {}
  if (!asInput(raw)) errors.insurance = '请填写保险信息'
  const clean: CleanInsurance = {}
  if (setting.idNumber) {
    const own = readIdDocument(fields, 'insurance', errors, now)
    if (own) Object.assign(clean, own)
    if (companionCount > 0) {
      const given = Array.isArray(fields.companions) ? fields.companions : []
      const ids: { idType: IdType; idNumber: string }[] = []
      for (let i = 0; i < companionCount; i++) {
        const id = readIdDocument(asInput(given[i]) ?? {}, `insurance.companions.${i}`, errors, now)
        if (id) ids.push(id)
      }
      clean.companions = ids
    }
  }
  if (setting.emergencyContact) {
    const name = readName(
      fields,
      'emergencyName',
      { label: '紧急联系人姓名', required: true, max: EMERGENCY_NAME_MAX_LENGTH },
      errors,
    )
    if (errors.emergencyName) {
      errors['insurance.emergencyName'] = errors.emergencyName
      delete errors.emergencyName
    } else clean.emergencyName = name
    const phone = fields.emergencyPhone
    const digits = typeof phone === 'string' ? phone.replace(/[\s-]/g, '') : ''
    if (digits === '') errors['insurance.emergencyPhone'] = '请填写紧急联系人电话'
    else if (!EMERGENCY_PHONE_PATTERN.test(digits))
      errors['insurance.emergencyPhone'] = '紧急联系人电话不正确'
    else clean.emergencyPhone = digits
  }
  if (fields.consent !== true) errors['insurance.consent'] = '请阅读并同意保险信息的收集说明'
  return Object.keys(errors).length > 0 ? { ok: false, fields: errors } : { ok: true, value: clean }
}
