// The subscribe-message templates of this environment: the local defaults (src/core/messages/templates.ts), overridden in
// WeChat Cloud by JUSHOU_TEMPLATES, a JSON object set in the console, e.g.
// {"starting": {"id": "AbC…", "fields": {"thing2": "title", "time5": "time", "thing7": "place", "thing4": "note"}}}
// (a kind given as a plain string changes only its id).
import { DEFAULT_TEMPLATES, TEMPLATE_KINDS, type Template, type Templates } from '@core/messages/templates'

export function templates(): Templates {
  const raw = process.env.JUSHOU_TEMPLATES
  if (!raw) return DEFAULT_TEMPLATES
  const overrides = JSON.parse(raw) as Record<string, string | Partial<Template>>
  const merged = { ...DEFAULT_TEMPLATES }
  for (const kind of TEMPLATE_KINDS) {
    const o = overrides[kind]
    if (typeof o === 'string') merged[kind] = { ...merged[kind], id: o }
    else if (o) merged[kind] = { ...merged[kind], ...o }
  }
  return merged
}

/** Which build a message's tap opens: `formal` (released), `trial` or `developer`; JUSHOU_MINIPROGRAM_STATE. */
export function miniprogramState(): 'formal' | 'trial' | 'developer' {
  const state = process.env.JUSHOU_MINIPROGRAM_STATE
  return state === 'trial' || state === 'developer' ? state : 'formal'
}
