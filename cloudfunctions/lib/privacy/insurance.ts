// Insurance details (core/privacy/insurance.ts) at rest: in `insuranceDetails`, one document per volunteer and
// call, apart from the sign-ups so that no roster read loads them. The ID number and the emergency contact are
// sealed with AES-256-GCM under JUSHOU_DATA_KEY (base64 of 32 bytes, in the function's environment only); without
// a key nothing is stored, as signing.ts refuses to sign. Only the owner's insurance export opens them.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import {
  asksInsurance,
  idTypeLabel,
  type CleanInsurance,
  insuranceDeleteAfter,
  maskIdNumber,
  maskName,
  validateInsuranceForm,
} from '@core/privacy/insurance'
import { maskPhone } from '@core/privacy/privacy'
import type { MaskedInsurance } from '@core/calls/contract'
import type { Call, IdType, InsuranceDetails, Sealed, SignUp } from '@core/model'
import { asInput, type Validation } from '@core/shared/validation'
import { _, db } from '@lib/cloud/cloud'
import { collection, find, findByIds, insertOnce, updateWhere } from '@lib/cloud/db'
import { withQuotaRetry } from '@lib/cloud/quota-retry'

const PAGE = 100
/** the `remind` run deletes at most this many pages of expired details; the next run does the rest */
const SWEEP_PAGES = 10

interface DataKey {
  key: Buffer
  /** names the key without revealing it: a sealed value says which key opens it */
  id: string
}

function readKey(base64: string, name: string): DataKey {
  const key = Buffer.from(base64.trim(), 'base64')
  // Refuse rather than store an ID number readable by anyone with the database: the dispatcher logs INTERNAL.
  if (key.length !== 32) throw new Error(`${name} is not set (base64 of 32 bytes)`)
  return { key, id: createHash('sha256').update(key).digest('hex').slice(0, 8) }
}

/** The key new details are sealed with. */
function dataKey(): DataKey {
  return readKey(process.env.JUSHOU_DATA_KEY ?? '', 'JUSHOU_DATA_KEY')
}

/**
 * The key that opens `sealed`: the current one, or one it replaced. A key is rotated by setting a new
 * JUSHOU_DATA_KEY and listing the old one in JUSHOU_DATA_KEY_PREVIOUS (comma-separated) until every detail sealed
 * with it is gone (each is deleted at its retention date).
 */
function keyFor(sealed: Sealed): DataKey {
  const current = dataKey()
  if (sealed.key === current.id) return current
  const previous = (process.env.JUSHOU_DATA_KEY_PREVIOUS ?? '')
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => readKey(part, 'JUSHOU_DATA_KEY_PREVIOUS'))
  const found = previous.find((candidate) => candidate.id === sealed.key)
  if (!found)
    throw new Error(`sealed with data key ${sealed.key}: neither the current key nor a previous one`)
  return found
}

export function seal(plain: string): Sealed {
  const { key, id } = dataKey()
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return {
    key: id,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  }
}

export function unseal(sealed: Sealed): string {
  const { key } = keyFor(sealed)
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'))
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString(
    'utf8',
  )
}

export function insuranceIdOf(callId: string, openid: string): string {
  return `${callId}_${openid}`
}

/** The document to store, sealed (throws without a data key, before anything is written). */
export function sealDetails(
  call: Call,
  openid: string,
  clean: CleanInsurance,
  now: number,
): InsuranceDetails {
  const details: InsuranceDetails = {
    _id: insuranceIdOf(call._id, openid),
    callId: call._id,
    ngoId: call.ngoId,
    openid,
    masked: {},
    deleteAfter: insuranceDeleteAfter(call),
    createdAt: now,
    updatedAt: now,
  }
  if (clean.idType && clean.idNumber) {
    details.idType = clean.idType
    details.idNumber = seal(clean.idNumber)
    details.masked.idNumber = maskIdNumber(clean.idNumber)
  }
  if (clean.companions && clean.companions.length > 0) {
    details.companions = clean.companions.map(({ idType, idNumber }) => ({
      idType,
      idNumber: seal(idNumber),
      masked: maskIdNumber(idNumber),
    }))
  }
  if (clean.emergencyName && clean.emergencyPhone) {
    details.emergency = seal(JSON.stringify({ name: clean.emergencyName, phone: clean.emergencyPhone }))
    details.masked.emergencyName = maskName(clean.emergencyName)
    details.masked.emergencyPhone = maskPhone(clean.emergencyPhone)
  }
  return details
}

/**
 * For signUp: the details to store (sealed), or null when the call asks none or the caller gave them already for
 * another slot of the call and sends none now; or the form's errors (nothing stored).
 */
export async function insuranceForSignUp(
  call: Call,
  openid: string,
  event: unknown,
  now: number,
): Promise<Validation<InsuranceDetails | null>> {
  if (!asksInsurance(call) || !call.insurance) return { ok: true, value: null }
  const raw = asInput(event)?.insurance
  if ((raw === undefined || raw === null) && (await hasInsurance(call._id, openid)))
    return { ok: true, value: null }
  const companions = asInput(event)?.companions
  const clean = validateInsuranceForm(
    raw,
    call.insurance,
    now,
    Array.isArray(companions) ? companions.length : 0,
  )
  if (!clean.ok) return clean
  return { ok: true, value: sealDetails(call, openid, clean.value, now) }
}

async function hasInsurance(callId: string, openid: string): Promise<boolean> {
  const [found] = await find<{ _id: string }>(
    collection('insuranceDetails')
      .where({ _id: insuranceIdOf(callId, openid) })
      .field({ _id: true })
      .limit(1),
  )
  return found !== undefined
}

/** Stores them, replacing what the volunteer gave before for this call. */
export async function saveInsurance(details: InsuranceDetails): Promise<void> {
  if (await insertOnce('insuranceDetails', details)) return
  const { _id, createdAt: _createdAt, ...fields } = details
  const replaced: Record<string, unknown> = { ...fields, masked: _.set(details.masked) }
  if (!details.idNumber) replaced.idNumber = _.remove()
  if (!details.idType) replaced.idType = _.remove()
  if (!details.emergency) replaced.emergency = _.remove()
  replaced.companions = details.companions ? _.set(details.companions) : _.remove()
  await updateWhere(collection('insuranceDetails').where({ _id }), replaced)
}

/** What may be shown of a call's details (never the sealed numbers), by openid. */
export async function maskedInsuranceOf(
  callId: string,
): Promise<Map<string, Pick<InsuranceDetails, 'masked' | 'idType'>>> {
  const shown = new Map<string, Pick<InsuranceDetails, 'masked' | 'idType'>>()
  let after = ''
  for (;;) {
    const page = await find<Pick<InsuranceDetails, '_id' | 'openid' | 'masked' | 'idType'>>(
      collection('insuranceDetails')
        .where({ callId, _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .field({ _id: true, openid: true, masked: true, idType: true })
        .limit(PAGE),
    )
    for (const doc of page) shown.set(doc.openid, doc)
    if (page.length < PAGE) return shown
    after = page[page.length - 1]._id
  }
}

/** One volunteer's details opened: the numbers in full. */
export interface OpenedInsurance {
  details: InsuranceDetails
  idNumber?: string
  name?: string
  phone?: string
  /** each companion's ID, in the order of the sign-up's companions */
  companions: { idType: IdType; idNumber: string }[]
}

/** The opened details of a call, by openid: for the owner's insurance export only. */
export async function openInsuranceOf(callId: string): Promise<Map<string, OpenedInsurance>> {
  const opened = new Map<string, OpenedInsurance>()
  let after = ''
  for (;;) {
    const page = await find<InsuranceDetails>(
      collection('insuranceDetails')
        .where({ callId, _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    for (const details of page) {
      const contact = details.emergency
        ? (JSON.parse(unseal(details.emergency)) as { name: string; phone: string })
        : undefined
      opened.set(details.openid, {
        details,
        idNumber: details.idNumber ? unseal(details.idNumber) : undefined,
        name: contact?.name,
        phone: contact?.phone,
        companions: (details.companions ?? []).map((c) => ({
          idType: c.idType,
          idNumber: unseal(c.idNumber),
        })),
      })
    }
    if (page.length < PAGE) return opened
    after = page[page.length - 1]._id
  }
}

/**
 * For the `remind` timer: deletes details past their date (bounded per run); returns how many. The date was set
 * at sign-up: a call whose last session has since moved later keeps its details until its new date (their
 * `deleteAfter` moves), so nothing goes before the retention days after the call really ended.
 */
export async function deleteExpiredInsurance(now: number): Promise<number> {
  let deleted = 0
  for (let page = 0; page < SWEEP_PAGES; page++) {
    const due = await find<Pick<InsuranceDetails, '_id' | 'callId'>>(
      collection('insuranceDetails')
        .where({ deleteAfter: _.lte(now) })
        .field({ _id: true, callId: true })
        .limit(PAGE),
    )
    if (due.length === 0) break
    const calls = await findByIds(
      'calls',
      due.map((doc) => doc.callId),
    )
    const expired: string[] = []
    for (const doc of due) {
      const call = calls.get(doc.callId)
      const date = call ? insuranceDeleteAfter(call) : now
      if (date <= now) expired.push(doc._id)
      else await updateWhere(collection('insuranceDetails').where({ _id: doc._id }), { deleteAfter: date })
    }
    if (expired.length > 0) await removeIds(expired)
    deleted += expired.length
    if (due.length < PAGE) break
  }
  return deleted
}

/**
 * After a cancellation: someone who no longer holds a seat or a queue place on the call (nor attended it) will not
 * be insured, so what they gave for it goes now rather than at the retention date.
 */
export async function forgetInsuranceUnlessBooked(callId: string, openid: string): Promise<void> {
  const [booked] = await find<{ _id: string }>(
    collection('signups')
      .where({ callId, openid, status: _.in(['confirmed', 'waitlisted', 'attended']) })
      .field({ _id: true })
      .limit(1),
  )
  if (booked) return
  await removeIds([insuranceIdOf(callId, openid)])
}

/** 删除我的数据: every call's details of the person, at once. */
export async function deleteInsuranceOf(openid: string): Promise<void> {
  await withQuotaRetry(() => db.collection('insuranceDetails').where({ openid }).remove(), 'write')
}

async function removeIds(ids: string[]): Promise<void> {
  await withQuotaRetry(
    () =>
      db
        .collection('insuranceDetails')
        .where({ _id: _.in(ids) })
        .remove(),
    'write',
  )
}

/** What a volunteer gave for a call, masked (the sign-up form offers to keep it), or null. */
export async function insuranceOnFile(callId: string, openid: string): Promise<MaskedInsurance | null> {
  const [found] = await find<Pick<InsuranceDetails, 'masked' | 'idType'>>(
    collection('insuranceDetails')
      .where({ _id: insuranceIdOf(callId, openid) })
      .field({ masked: true, idType: true })
      .limit(1),
  )
  return found ? shownOf(found) : null
}

function shownOf(doc: Pick<InsuranceDetails, 'masked' | 'idType'>): MaskedInsurance {
  return { ...doc.masked, ...(doc.idType ? { idType: idTypeLabel(doc.idType) } : {}) }
}

/** Roster rows with the masked details of their volunteers (the call's details read once, masked copy only). */
export async function withMaskedInsurance<E extends { _id: string; insurance?: MaskedInsurance }>(
  call: Call,
  signUps: readonly SignUp[],
  entries: E[],
): Promise<E[]> {
  if (!asksInsurance(call)) return entries
  const masked = await maskedInsuranceOf(call._id)
  const openidOf = new Map(signUps.map((signUp) => [signUp._id, signUp.openid]))
  return entries.map((entry) => {
    const shown = masked.get(openidOf.get(entry._id) ?? '')
    return shown ? { ...entry, insurance: shownOf(shown) } : entry
  })
}
