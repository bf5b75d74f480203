// The templates the client asks the volunteer for: ids live in the function's configuration only.
import type { SubscribeTemplatesResponse } from '../../../src/core/reminder-api'
import { ok } from '../../../src/core/errors'
import { TEMPLATE_KINDS } from '../../../src/core/templates'
import { templates } from '../../lib/templates'
import type { ActionHandler } from '../caller'

export const subscribeTemplates: ActionHandler<SubscribeTemplatesResponse> = async () => {
  const all = templates()
  return ok({ templates: TEMPLATE_KINDS.map((kind) => ({ kind, id: all[kind].id, title: all[kind].title })) })
}
