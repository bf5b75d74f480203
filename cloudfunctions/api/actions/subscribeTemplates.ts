// The templates the client asks the volunteer for: ids live in the function's configuration only.
import type { SubscribeTemplatesResponse } from '../../../src/core/reminder-api'
import { type ApiResult, ok } from '../../../src/core/errors'
import { TEMPLATE_KINDS } from '../../../src/core/templates'
import { templates } from '../../lib/templates'
import { defineAction, noInput } from '../gate'

export const subscribeTemplates = defineAction({
  who: 'everyone',
  resource: 'none',
  validate: noInput,
  run: async (): Promise<ApiResult<SubscribeTemplatesResponse>> => {
    const all = templates()
    return ok({
      templates: TEMPLATE_KINDS.map((kind) => ({ kind, id: all[kind].id, title: all[kind].title })),
    })
  },
})
