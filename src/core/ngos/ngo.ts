// NGOs: what registration asks for and how it is checked, and how an NGO is shown to each kind of reader.
import { creditCodeProblem, normalizeCreditCode } from './credit-code'
import { decodeNameCursor, type NamePosition } from '@core/shared/cursor'
import type { NgoCard, NgoConsole, NgoReview, RegisterNgoRequest, RejectNgoRequest } from './contract'
import { looksLikeId } from '@core/shared/validation'
import { PHONE_PATTERN } from '@core/shared/validation'
import type { Ngo } from '@core/model'
import {
  asInput,
  type FieldErrors,
  finish,
  notAnObject,
  readId,
  readName,
  readText,
  type Validation,
} from '@core/shared/validation'

export const CAUSES = [
  '环境保护',
  '助老',
  '助学',
  '社区服务',
  '乡村振兴',
  '动物保护',
  '助残',
  '应急救援',
  '文化艺术',
]

/** Provinces, autonomous regions and municipalities, for the registration picker and the directory filter. */
export const PROVINCES = [
  '北京',
  '天津',
  '上海',
  '重庆',
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '黑龙江',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '台湾',
  '内蒙古',
  '广西',
  '西藏',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
]

export const NGO_NAME_MAX_LENGTH = 30
export const NGO_INTRO_MAX_LENGTH = 500
export const CONTACT_NAME_MAX_LENGTH = 20
export const CAUSES_MAX = 5
export const FILE_ID_MAX_LENGTH = 256
export const REJECT_REASON_MAX_LENGTH = 100

/** The first admin registered the NGO and owns it. */
export function isOwner(ngo: Pick<Ngo, 'admins'>, openid: string): boolean {
  return ngo.admins[0] === openid
}

/** Names an organizer to its team without giving out the openid: its last 8 characters (unique in a team). */
export function organizerKey(openid: string): string {
  return openid.slice(-8)
}

export const INVITE_CODE_PATTERN = /^[A-Za-z0-9]{10}$/

/** The invite link a share card opens. */
export function invitePath(code: string): string {
  return `/packages/ngo/join/index?code=${code}`
}

export function validateJoinNgo(input: unknown): Validation<{ code: string; name: string }> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const code = typeof fields.code === 'string' && INVITE_CODE_PATTERN.test(fields.code) ? fields.code : ''
  if (!code) errors.code = '邀请码无效'
  const name = readName(
    fields,
    'name',
    { label: '你的称呼', required: true, max: CONTACT_NAME_MAX_LENGTH },
    errors,
  )
  return finish(errors, { code, name: name ?? '' })
}

export function validateRemoveOrganizer(input: unknown): Validation<{ ngoId: string; key: string }> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const ngoId = readId(fields, 'ngoId', '机构编号', errors)
  const key = typeof fields.key === 'string' && /^[A-Za-z0-9_-]{8}$/.test(fields.key) ? fields.key : ''
  if (!key) errors.key = '组织者无效'
  return finish(errors, { ngoId, key })
}

/** 「甘肃·民勤」 → 甘肃; a municipality stored as one name is its own province. */
export function provinceOf(city: string): string {
  return city.split('·')[0]
}

export function placeName(province: string, city: string): string {
  return province === city ? city : `${province}·${city}`
}

/** Directory filters: a province and a cause from the lists, both optional. */
export function validateListNgos(
  input: unknown,
): Validation<{ province?: string; cause?: string; after?: NamePosition }> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const query: { province?: string; cause?: string; after?: NamePosition } = {}
  if (fields.province !== undefined && fields.province !== '') {
    if (typeof fields.province === 'string' && PROVINCES.includes(fields.province))
      query.province = fields.province
    else errors.province = '请选择省份'
  }
  if (fields.cause !== undefined && fields.cause !== '') {
    if (typeof fields.cause === 'string' && CAUSES.includes(fields.cause)) query.cause = fields.cause
    else errors.cause = '请选择关注领域'
  }
  if (fields.cursor !== undefined && fields.cursor !== '') {
    const after = typeof fields.cursor === 'string' ? decodeNameCursor(fields.cursor) : null
    if (after) query.after = after
    else errors.cursor = '翻页位置无效，请刷新'
  }
  return finish(errors, query)
}

export type CleanRegistration = Required<RegisterNgoRequest>

export function validateRegisterNgo(input: unknown): Validation<CleanRegistration> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const text = (key: string, label: string, max: number, multiline = false) =>
    readText(fields, key, { label, required: true, max, multiline }, errors) ?? ''
  const name = text('name', '机构名称', NGO_NAME_MAX_LENGTH)
  const province = text('province', '省份', 10)
  if (province && !PROVINCES.includes(province)) errors.province = '请选择省份'
  const city = text('city', '城市', 20)
  const causes = readCauses(fields.causes, errors)
  const intro = text('intro', '机构简介', NGO_INTRO_MAX_LENGTH, true)
  const contactName =
    readName(
      fields,
      'contactName',
      { label: '联系人', required: true, max: CONTACT_NAME_MAX_LENGTH },
      errors,
    ) ?? ''
  const rawPhone = typeof fields.contactPhone === 'string' ? fields.contactPhone.replace(/[\s-]/g, '') : ''
  if (!PHONE_PATTERN.test(rawPhone)) errors.contactPhone = '请填写正确的11位手机号'
  const logo = readFileId(fields, 'logo', '机构标志', errors)
  const certificate = readFileId(fields, 'certificate', '登记证书', errors)
  const creditCode = readCreditCode(fields.creditCode, errors)
  return finish(errors, {
    name,
    province,
    city,
    causes,
    intro,
    logo,
    contactName,
    contactPhone: rawPhone,
    certificate,
    creditCode,
  })
}

/** Optional (an unregistered grassroots group has none); when given, its check digit must hold. */
function readCreditCode(raw: unknown, errors: FieldErrors): string {
  if (raw === undefined || raw === null || raw === '') return ''
  if (typeof raw !== 'string') {
    errors.creditCode = '统一社会信用代码应为文字'
    return ''
  }
  const code = normalizeCreditCode(raw)
  if (code === '') return ''
  const problem = creditCodeProblem(code)
  if (problem) errors.creditCode = problem
  return problem ? '' : code
}

export function validateReviewNgo(input: unknown): Validation<{ ngoId: string }> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const ngoId = readId(fields, 'ngoId', '机构编号', errors)
  return finish(errors, { ngoId })
}

export function validateRejectNgo(input: unknown): Validation<RejectNgoRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const ngoId = readId(fields, 'ngoId', '机构编号', errors)
  const reason = readText(
    fields,
    'reason',
    { label: '驳回原因', required: true, max: REJECT_REASON_MAX_LENGTH },
    errors,
  )
  return finish(errors, { ngoId, reason: reason ?? '' })
}

/** An uploaded file's cloud id (or an https URL); empty = none. */
export function readFileId(
  fields: Record<string, unknown>,
  key: string,
  label: string,
  errors: FieldErrors,
): string {
  const raw = fields[key]
  if (raw === undefined || raw === null || raw === '') return ''
  if (typeof raw !== 'string' || raw.length > FILE_ID_MAX_LENGTH || !/^(cloud|https?):\/\/\S+$/.test(raw)) {
    errors[key] = `${label}无效，请重新上传`
    return ''
  }
  return raw
}

function readCauses(raw: unknown, errors: FieldErrors): string[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    errors.causes = '请至少选择一个关注领域'
    return []
  }
  const causes = [...new Set(raw)]
  if (causes.length > CAUSES_MAX) errors.causes = `关注领域最多选${CAUSES_MAX}个`
  else if (!causes.every((c): c is string => typeof c === 'string' && CAUSES.includes(c)))
    errors.causes = '请从列表中选择关注领域'
  else return causes
  return []
}

export function toNgoCard(ngo: Ngo): NgoCard {
  return {
    _id: ngo._id,
    name: ngo.name,
    city: ngo.city,
    causes: ngo.causes,
    intro: ngo.intro,
    logo: ngo.logo,
    verified: ngo.status === 'verified',
  }
}

export function toNgoConsole(ngo: Ngo, openid: string): NgoConsole {
  const view: NgoConsole = {
    ...toNgoCard(ngo),
    status: ngo.status,
    contactName: ngo.contactName ?? '',
    contactPhone: ngo.contactPhone ?? ngo.contact,
    certificate: ngo.certificate ?? '',
    isOwner: isOwner(ngo, openid),
    organizers: ngo.admins.length,
    team: ngo.admins.map((admin, i) => ({
      key: organizerKey(admin),
      name: ngo.organizerNames?.[admin] ?? (i === 0 ? ngo.contactName || '机构负责人' : `组织者 ${i + 1}`),
      owner: i === 0,
      me: admin === openid,
    })),
  }
  if (ngo.status === 'rejected' && ngo.rejectReason) view.rejectReason = ngo.rejectReason
  return view
}

export function toNgoReview(ngo: Ngo): NgoReview {
  return {
    ...toNgoCard(ngo),
    status: ngo.status,
    contactName: ngo.contactName ?? '',
    contactPhone: ngo.contactPhone ?? ngo.contact,
    certificate: ngo.certificate ?? '',
    creditCode: ngo.creditCode ?? '',
    createdAt: ngo.createdAt,
  }
}

/** A fresh id for a new document: short, url-safe, fits a QR scene. */
export function newId(prefix: string, now: number, random: () => number): string {
  const id = `${prefix}${now.toString(36)}${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}`
  if (!looksLikeId(id)) throw new Error(`bad id ${id}`)
  return id
}
