// Subscribe-message templates. WeChat sends a message only with a template the mini program picked in
// its console, and only to a user who accepted that template (one message per acceptance). Each environment has
// its own template ids and keyword numbering, so both come from configuration (cloudfunctions/lib/messages/templates.ts);
// these are the local defaults the emulator accepts.
import { fitText } from './messages'
import type { MessageKind } from '@core/model'

export type TemplateKind = 'signedUp' | 'starting' | 'changed'

/** Which of a message's `data` texts fills which template keyword, e.g. `{ thing1: 'title', time2: 'time' }`. */
export type FieldMapping = Record<string, string>

export interface Template {
  id: string
  /** the name WeChat shows the user when asking, and above the delivered message */
  title: string
  fields: FieldMapping
  /** the keywords' names as the template shows them (for the local cloud's phone view) */
  labels?: Record<string, string>
}

export type Templates = Record<TemplateKind, Template>

const LABELS = { thing1: '活动名称', time2: '活动时间', thing3: '活动地点', thing4: '温馨提示' }

export const DEFAULT_TEMPLATES: Templates = {
  signedUp: {
    id: 'local-tmpl-signed-up',
    title: '报名成功通知',
    fields: { thing1: 'title', time2: 'time', thing3: 'place', thing4: 'note' },
    labels: LABELS,
  },
  starting: {
    id: 'local-tmpl-starting',
    title: '活动开始提醒',
    fields: { thing1: 'title', time2: 'time', thing3: 'place', thing4: 'note' },
    labels: LABELS,
  },
  changed: {
    id: 'local-tmpl-changed',
    title: '活动变更/取消通知',
    fields: { thing1: 'title', time2: 'time', thing3: 'place', thing4: 'note' },
    labels: LABELS,
  },
}

/** The order the client asks in (WeChat takes at most 3 ids per request). */
export const TEMPLATE_KINDS: readonly TemplateKind[] = ['starting', 'signedUp', 'changed']

/** The template a message of `kind` is sent with (an organizer's notice: 活动变更/取消通知, its note the text). */
export function templateKindOf(kind: MessageKind): TemplateKind {
  if (kind === 'reminder') return 'starting'
  if (kind === 'promoted') return 'signedUp'
  return 'changed'
}

/** WeChat's limits by keyword type (the keyword's name without its number): longer values are refused. */
const LIMITS: Record<string, number> = { thing: 20, phrase: 5, character_string: 32, name: 10, symbol: 5 }

/**
 * A template's `data` from a message's texts: each keyword gets its text, clipped to its type's limit so WeChat
 * never refuses a message for a long title; `character_string` keeps only what it allows (printable ASCII).
 */
export function templateData(
  template: Template,
  texts: Record<string, string>,
): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {}
  for (const [keyword, source] of Object.entries(template.fields)) {
    const type = keyword.replace(/\d+$/, '')
    let value = (texts[source] ?? '').trim()
    if (type === 'character_string') value = value.replace(/[^\x21-\x7e]/g, '')
    if (type === 'phrase') value = value.replace(/[^\u4e00-\u9fa5]/g, '')
    const limit = LIMITS[type]
    if (limit !== undefined)
      value = type === 'thing' ? fitText(value, limit) : Array.from(value).slice(0, limit).join('')
    data[keyword] = { value: value || '—' }
  }
  return data
}
