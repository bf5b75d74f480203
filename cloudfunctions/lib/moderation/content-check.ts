// Content review (security.msgSecCheck v2) of what people write, before it is stored. WeChat asks for the
// writer's openid and a scene; anything not judged `pass` is refused.
import { openapi } from '@lib/cloud/cloud'

/** msgSecCheck scenes: 1 a profile, 3 a public post. */
export type ReviewScene = 1 | 3

/** Per-field messages for the texts WeChat's review does not pass (empty: all pass). */
export async function riskyTexts(
  openid: string,
  texts: Record<string, string>,
  scene: ReviewScene,
): Promise<Record<string, string>> {
  const risky: Record<string, string> = {}
  for (const [field, content] of Object.entries(texts)) {
    if (content.trim() === '') continue
    const result = (await openapi.security.msgSecCheck({ content, version: 2, scene, openid })) as {
      result?: { suggest?: string }
    }
    if (result.result?.suggest !== 'pass') risky[field] = '含有不适宜发布的内容，请修改'
  }
  return risky
}
