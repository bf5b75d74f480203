// Who is asking and when: resolved once per invocation by the dispatcher, handed to every action.
import type { ApiResult } from '../../src/core/errors'

export interface Caller {
  /** from WeChat's context only; undefined = anonymous */
  openid: string | undefined
  now: number
}

export type ActionHandler<Res> = (event: unknown, caller: Caller) => Promise<ApiResult<Res>>
