// In the browser: the local WeChat Cloud's door for the H5 app. The dev identity (the persona picker) travels
// in a header, standing in for the OPENID that WeChat would add; no header = an anonymous visitor.
import { currentPersona } from './persona'
import type { Transport } from './transport'

export const transport: Transport = async (event) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const persona = currentPersona()
  if (persona) headers['x-wx-openid'] = persona.openid
  const response = await fetch(`${H5_API_BASE}/functions/api`, {
    method: 'POST',
    headers,
    body: JSON.stringify(event),
  })
  // the function's own result is JSON even when the door reports an error status; anything else is a failure
  const body: unknown = await response.json()
  return body
}
