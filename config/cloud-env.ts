// Which WeChat Cloud environment the weapp's `Taro.cloud.init` talks to (CLOUD_ENV_ID, inlined at build time).
//
// A build meant for upload must name it: without it the app would call an environment that is not the
// owner's. Local builds — npm start, npm test and the benchmarks, which run against the emulator — say so with
// JUSHOU_LOCAL_BUILD=1 (config/run.ts's taroBuild sets it) and get a placeholder. Watch (development) builds and
// the H5 build never reach WeChat Cloud and get the placeholder too.

export const LOCAL_BUILD_FLAG = 'JUSHOU_LOCAL_BUILD'
/** the env id of local builds: no such environment exists on WeChat Cloud */
export const LOCAL_CLOUD_ENV_ID = 'jushou-local'

export const MISSING_CLOUD_ENV_ID =
  'CLOUD_ENV_ID is not set. A production weapp build (npm run build, taro build --type weapp) is meant for ' +
  'upload and needs the WeChat Cloud environment id: WeChat DevTools → 云开发 → 设置 → 环境 ID, e.g.\n' +
  '  CLOUD_ENV_ID=jushou-prod-1a2b3c npm run build\n' +
  `(npm start and npm test build for the local emulator and need none; ${LOCAL_BUILD_FLAG}=1 marks such a build.)`

type Env = Record<string, string | undefined>

/** The env id to inline, or an Error saying what is missing. */
export function cloudEnvId(env: Env): string {
  const id = env.CLOUD_ENV_ID?.trim()
  if (id) {
    // CloudBase env ids are letters, digits and hyphens (e.g. cloud1-8g5x2c3d); anything else is a paste error
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(id)) {
      throw new Error(`CLOUD_ENV_ID ${JSON.stringify(id)} is not an env id (letters, digits, - and _ only).`)
    }
    return id
  }
  const forUpload = env.TARO_ENV === 'weapp' && env.NODE_ENV === 'production' && env[LOCAL_BUILD_FLAG] !== '1'
  if (forUpload) throw new Error(MISSING_CLOUD_ENV_ID)
  return LOCAL_CLOUD_ENV_ID
}
