// The environment that points wx-server-sdk at an emulator instead of Tencent Cloud.
// Used for function instances and for any process (tests, scripts) that wants to use the real SDK locally.

export const LOCAL_ENV_ID = 'local'

export function sdkEnv(emulatorUrl: string, envId = LOCAL_ENV_ID): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${emulatorUrl}/admin` }),
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TCB_ENV: envId,
    SCF_NAMESPACE: envId,
    // Tells @cloudbase/node-sdk it already knows where it runs: otherwise it probes a cloud metadata host.
    TENCENTCLOUD: 'true',
  }
}

/** Who is calling a function, as WeChat would put it into the instance's environment. */
export interface WxIdentity {
  openid?: string
  appid?: string
  unionid?: string
  clientIp?: string
  /** TCB_SOURCE, e.g. `wx_client` (mini program), `wx_trigger` (timer) */
  source?: string
}

export const DEV_APPID = 'wx0000000000000000'

/** Variables of one invocation; `null` = unset (a warm instance must not keep the previous caller's). */
export function invocationEnv(
  identity: WxIdentity,
  apiToken: string,
  timer: boolean,
): Record<string, string | null> {
  return {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6,WX_API_TOKEN',
    WX_OPENID: timer ? null : (identity.openid ?? ''),
    WX_APPID: identity.appid ?? DEV_APPID,
    WX_UNIONID: identity.unionid ?? null,
    WX_CLIENTIP: timer ? null : (identity.clientIp ?? '127.0.0.1'),
    WX_CLIENTIPV6: timer ? null : '::ffff:127.0.0.1',
    WX_API_TOKEN: apiToken,
    TCB_SOURCE: identity.source ?? (timer ? 'wx_trigger' : 'wx_client'),
    TRIGGER_SRC: timer ? 'timer' : null,
    WX_TRIGGER_API_TOKEN_V0: timer ? apiToken : null,
  }
}
