// `wx.openApi` (cloud.openapi.*): the SDK sends a protobuf CommApiData whose pairs carry JSON-encoded
// parameters, and expects a protobuf CommOpenApiResp back. Both message types are defined inside wx-server-sdk
// and registered in protobufjs's default root when the SDK loads, so we use exactly the SDK's definitions.
import QRCode from 'qrcode'
import { randomBytes } from 'node:crypto'
import type { FunctionPool } from './function-pool'
import type { Doc } from './ejson'
import { MEDIA_CHECK_DELAY_MS, mediaCheckAsync } from './media-check'
import { DEV_APPID } from './sdk-env'
import type { Store } from './store'

interface PbType<T> {
  decode(buf: Uint8Array): T
  encode(msg: T): { finish(): Uint8Array }
}
interface CommApiData {
  openapiData?: { pairs?: { key: string; value: Uint8Array }[] }
}
interface CommOpenApiResp {
  respData?: Uint8Array
  contentType?: string
  errorCode?: number
  httpCode?: number
}

function protobufTypes(): { CommApiData: PbType<CommApiData>; CommOpenApiResp: PbType<CommOpenApiResp> } {
  require('wx-server-sdk') // registers the SDK's messages in protobufjs's default root
  const roots = (require('protobufjs/minimal') as { roots: Record<string, Record<string, unknown>> }).roots
  return roots.default as unknown as {
    CommApiData: PbType<CommApiData>
    CommOpenApiResp: PbType<CommOpenApiResp>
  }
}

/** A WeChat openapi error (`errcode`/`errmsg`), thrown by wx-server-sdk as a CloudSDKError with that errCode. */
class WxError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
  ) {
    super(errmsg)
  }
}

type Reply = { json: Record<string, unknown> } | { png: Buffer }
type Params = Record<string, unknown>

export const OUTBOX = '_emulator_outbox'
export const SUBSCRIPTIONS = '_emulator_subscriptions'
export const PHONE_CODES = '_emulator_phone_codes'
export const ACTIVITIES = '_emulator_activities'
export const GROUP_CARD_UPDATES = '_emulator_group_card_updates'

/** A getPhoneNumber button's code is good for one use within 5 minutes, as WeChat's are. */
export const PHONE_CODE_TTL_MS = 5 * 60_000

/** The caller had no openapi permission for this API in its config.json (as WeChat rejects it). */
const NO_PERMISSION = -604101

export class OpenApi {
  private readonly pb = protobufTypes()
  /** outages to play back, by API name: the next calls fail with these errcodes (tests of retries) */
  private readonly faults = new Map<string, number[]>()

  constructor(
    private readonly store: Store,
    private readonly functions: FunctionPool,
    private readonly clock: { now(): number } = Date,
  ) {}

  /** Handles one `wx.openApi` request (multipart fields already parsed) and returns the protobuf reply. */
  async handle(fields: Record<string, unknown>): Promise<Buffer> {
    const apiName = String(fields.apiName ?? '')
    const caller = this.functions.invocationFor(fields.wxCloudApiToken as string | undefined)
    if (caller) {
      const allowed = this.functions.config(caller.functionName).permissions?.openapi ?? []
      if (!allowed.includes(apiName)) return this.encode({ errorCode: NO_PERMISSION, httpCode: 200 })
    }
    let reply: Reply
    try {
      const raw = fields.requestData
      const data = this.pb.CommApiData.decode(
        Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw ?? ''), 'latin1'),
      )
      const params: Params = {}
      for (const pair of data.openapiData?.pairs ?? [])
        params[pair.key] = JSON.parse(Buffer.from(pair.value).toString('utf8'))
      reply = await this.call(apiName, params, caller?.identity.appid ?? DEV_APPID, caller?.functionName)
    } catch (e) {
      reply =
        e instanceof WxError
          ? { json: { errcode: e.errcode, errmsg: e.message } }
          : { json: { errcode: -1, errmsg: `system error: ${(e as Error).message}` } }
    }
    if ('png' in reply) return this.encode({ respData: reply.png, contentType: 'image/png', httpCode: 200 })
    const json = Buffer.from(JSON.stringify({ errcode: 0, errmsg: 'ok', ...reply.json }))
    return this.encode({ respData: json, contentType: 'application/json; charset=utf-8', httpCode: 200 })
  }

  /** The next `times` calls of `apiName` fail with `errcode` (e.g. -1, WeChat's "system busy"). */
  failNext(apiName: string, errcode: number, times = 1): void {
    this.faults.set(apiName, [...(this.faults.get(apiName) ?? []), ...Array<number>(times).fill(errcode)])
  }

  outbox(filter: Doc = {}): Doc[] {
    return this.store.collection(OUTBOX).find(filter, { order: { sentAt: 1 } })
  }

  /** Every setUpdatableMsg received: what each live group card showed, in order. */
  groupCardUpdates(filter: Doc = {}): Doc[] {
    return this.store.collection(GROUP_CARD_UPDATES).find(filter, { order: { at: 1 } })
  }

  clearOutbox(): number {
    return this.store.collection(OUTBOX).remove({}, true)
  }

  /** Records that `openid` accepted `count` more one-time messages of `templateId` (wx.requestSubscribeMessage). */
  subscribe(openid: string, templateId: string, count = 1): number {
    const subs = this.store.collection(SUBSCRIPTIONS)
    const _id = `${openid}:${templateId}`
    if (!subs.update({ _id }, { $inc: { count } }, false)) subs.insert([{ _id, openid, templateId, count }])
    return Number(subs.get(_id)?.count ?? 0)
  }

  subscriptions(): Doc[] {
    return this.store.collection(SUBSCRIPTIONS).find({})
  }

  /** What tapping a getPhoneNumber button yields locally: a code that phonenumber.getPhoneNumber redeems once. */
  issuePhoneCode(phone: string, countryCode = '86'): string {
    const code = randomBytes(16).toString('hex')
    this.store
      .collection(PHONE_CODES)
      .insert([{ _id: code, phone, countryCode, used: false, expiresAt: Date.now() + PHONE_CODE_TTL_MS }])
    return code
  }

  private encode(resp: CommOpenApiResp): Buffer {
    return Buffer.from(this.pb.CommOpenApiResp.encode(resp).finish())
  }

  private async call(apiName: string, params: Params, appid: string, functionName?: string): Promise<Reply> {
    const fault = this.faults.get(apiName)?.shift()
    if (fault !== undefined) throw new WxError(fault, 'system error (injected by the local cloud)')
    switch (apiName) {
      case 'phonenumber.getPhoneNumber':
        return { json: this.redeemPhoneCode(params, appid) }
      case 'subscribeMessage.send':
        return this.sendSubscribeMessage(params)
      case 'wxacode.getUnlimited':
        return { png: await unlimitedCode(params) }
      case 'updatableMessage.createActivityId':
        return { json: createActivityId(this.store, params, this.clock.now()) }
      case 'updatableMessage.setUpdatableMsg':
        return { json: setUpdatableMsg(this.store, params, this.clock.now()) }
      case 'security.msgSecCheck':
        return { json: msgSecCheck(params) }
      case 'security.mediaCheckAsync':
        return { json: this.mediaCheck(params, appid, functionName) }
      default:
        throw new WxError(48001, `api unauthorized: ${apiName} is not available in the local emulator`)
    }
  }

  /** Accepts an image for review; the verdict is pushed to the asking function a moment later. */
  private mediaCheck(p: Params, appid: string, functionName?: string): Record<string, unknown> {
    const check = mediaCheckAsync(p)
    if ('error' in check) throw new WxError(...check.error)
    if (functionName) {
      const event = check.push(appid)
      setTimeout(
        () => void this.functions.invoke(functionName, event, {}).catch(() => undefined),
        MEDIA_CHECK_DELAY_MS,
      ).unref()
    }
    return { trace_id: check.traceId }
  }

  private redeemPhoneCode(p: Params, appid: string): Record<string, unknown> {
    const code = p.code
    if (typeof code !== 'string' || !code) throw new WxError(47001, 'data format error: code is empty')
    // Used, unknown and expired codes are all refused alike, as WeChat does (40029).
    const taken = this.store
      .collection(PHONE_CODES)
      .update({ _id: code, used: false, expiresAt: { $gt: Date.now() } }, { $set: { used: true } }, false)
    if (!taken) throw new WxError(40029, 'invalid code')
    const { phone, countryCode } = this.store.collection(PHONE_CODES).get(code) as {
      phone: string
      countryCode: string
    }
    return {
      phone_info: {
        phoneNumber: countryCode === '86' ? phone : `+${countryCode}${phone}`,
        purePhoneNumber: phone,
        countryCode,
        watermark: { timestamp: Math.floor(Date.now() / 1000), appid },
      },
    }
  }

  private sendSubscribeMessage(p: Params): Reply {
    if (typeof p.touser !== 'string' || !p.touser) throw new WxError(40003, 'invalid openid')
    if (typeof p.template_id !== 'string' || !p.template_id) throw new WxError(40037, 'invalid template id')
    if (p.page !== undefined && typeof p.page !== 'string') throw new WxError(47003, 'argument invalid! page')
    const state = p.miniprogram_state ?? 'formal'
    if (!['developer', 'trial', 'formal'].includes(String(state)))
      throw new WxError(47003, 'argument invalid! miniprogram_state')
    checkTemplateData(p.data)
    // One accept = one message: take one from the user's count atomically, or refuse like WeChat (43101).
    const _id = `${p.touser}:${p.template_id}`
    const taken = this.store
      .collection(SUBSCRIPTIONS)
      .update({ _id, count: { $gt: 0 } }, { $inc: { count: -1 } }, false)
    if (!taken) throw new WxError(43101, 'user refuse to accept the msg')
    const [msgid] = this.store.collection(OUTBOX).insert([
      {
        touser: p.touser,
        templateId: p.template_id,
        page: p.page ?? '',
        data: p.data,
        miniprogramState: state,
        lang: p.lang ?? 'zh_CN',
        // The page's query, parsed: a sender that puts its own message id there can count deliveries per id.
        query: Object.fromEntries(new URLSearchParams(String(p.page ?? '').split('?')[1] ?? '')),
        sentAt: new Date(this.clock.now()),
      },
    ])
    return { json: { msgid } }
  }
}

// Template keyword rules from WeChat's subscribe-message docs (by the keyword's type, e.g. `thing1` → thing).
const RULES: Record<string, (v: string) => boolean> = {
  thing: (v) => [...v].length <= 20,
  number: (v) => /^[0-9.+-]{1,32}$/.test(v),
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  symbol: (v) => [...v].length <= 5,
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  phrase: (v) => /^[\u4e00-\u9fa5]{1,5}$/.test(v),
  name: (v) => ([...v].length <= 10 && /^[\u4e00-\u9fa5·]+$/.test(v)) || /^[A-Za-z ]{1,20}$/.test(v),
  phone_number: (v) => /^[0-9+\- ()]{1,17}$/.test(v),
  car_number: (v) => [...v].length <= 8,
  amount: (v) => /^[¥￥]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
  time: (v) => v.length > 0 && v.length <= 40,
  date: (v) => v.length > 0 && v.length <= 40,
}

function checkTemplateData(data: unknown): void {
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new WxError(47003, 'argument invalid! data is empty')
  for (const [key, item] of Object.entries(data as Record<string, unknown>)) {
    const value = (item as { value?: unknown } | null)?.value
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new WxError(47003, `argument invalid! data.${key}.value is empty`)
    const rule = RULES[key.replace(/\d+$/, '')]
    if (rule && !rule(String(value))) throw new WxError(47003, `argument invalid! data.${key}.value invalid`)
  }
}

const SCENE_CHARS = /^[0-9a-zA-Z!#$&'()*+,/:;=?@\-._~]*$/

async function unlimitedCode(p: Params): Promise<Buffer> {
  if (typeof p.scene !== 'string' || !p.scene || p.scene.length > 32) {
    throw new WxError(40169, 'invalid length for scene, or the data is not json string')
  }
  if (!SCENE_CHARS.test(p.scene)) throw new WxError(40129, 'invalid scene')
  const page = p.page === undefined ? 'pages/index/index' : p.page
  if (typeof page !== 'string' || page.startsWith('/') || page.includes('?'))
    throw new WxError(41030, 'invalid page')
  const width = Math.min(1280, Math.max(280, Number(p.width ?? 430) || 430))
  return QRCode.toBuffer(`${page}?scene=${p.scene}`, { type: 'png', width, margin: 2 })
}

/** Local stand-in for WeChat's content review: a few words that are always risky, so tests can exercise it. */
export const BANNED_WORDS = ['赌博', '博彩', '毒品', '色情', '枪支', '代开发票', 'test-risky-word']

function msgSecCheck(p: Params): Record<string, unknown> {
  const content = p.content
  if (typeof content !== 'string' || !content) throw new WxError(40097, 'invalid args: content is empty')
  if ([...content].length > 2500)
    throw new WxError(40097, 'invalid args: content is longer than 2500 characters')
  const hit = BANNED_WORDS.find((w) => content.includes(w))
  if (Number(p.version) !== 2) {
    if (hit) throw new WxError(87014, 'risky content')
    return {}
  }
  if (typeof p.openid !== 'string' || !p.openid) throw new WxError(40003, 'invalid openid')
  if (![1, 2, 3, 4].includes(Number(p.scene))) throw new WxError(40097, 'invalid args: scene must be 1-4')
  const suggest = hit ? 'risky' : 'pass'
  const label = hit ? 20006 : 100
  return {
    result: { suggest, label },
    detail: [
      {
        strategy: 'content_model',
        errcode: 0,
        suggest,
        label,
        prob: hit ? 90 : 0,
        ...(hit ? { keyword: hit } : {}),
      },
    ],
    trace_id: Math.random().toString(16).slice(2),
  }
}

/** Live group cards: an activity id lives 24 hours, as WeChat's do. */
function createActivityId(store: Store, p: Params, now: number): Record<string, unknown> {
  const who = p.openid ?? p.unionid
  if (typeof who !== 'string' || !who) throw new WxError(40003, 'invalid openid')
  const activityId = `${randomBytes(12).toString('hex')}#${now}`
  const expirationTime = Math.floor(now / 1000) + 86400
  store.collection(ACTIVITIES).insert([{ _id: activityId, openid: who, expirationTime }])
  return { activity_id: activityId, expiration_time: expirationTime }
}

function setUpdatableMsg(store: Store, p: Params, now: number): Record<string, unknown> {
  const activity =
    typeof p.activity_id === 'string' ? store.collection(ACTIVITIES).get(p.activity_id) : undefined
  if (!activity || Number(activity.expirationTime) * 1000 <= now)
    throw new WxError(44990, 'invalid activity_id')
  if (p.target_state !== 0 && p.target_state !== 1) throw new WxError(47001, 'invalid target_state')
  const list = (p.template_info as { parameter_list?: { name?: unknown; value?: unknown }[] } | undefined)
    ?.parameter_list
  const value = (name: string) => list?.find((item) => item.name === name)?.value
  const memberCount = Number(value('member_count'))
  const roomLimit = Number(value('room_limit'))
  if (!Number.isInteger(memberCount) || !Number.isInteger(roomLimit) || memberCount < 0 || roomLimit <= 0)
    throw new WxError(47001, 'template_info needs member_count and room_limit')
  store
    .collection(GROUP_CARD_UPDATES)
    .insert([
      { activityId: p.activity_id, targetState: p.target_state, memberCount, roomLimit, at: new Date() },
    ])
  return {}
}
