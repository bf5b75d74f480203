// The templates the client asks the volunteer for: ids live in the function's configuration only.
import type { SubscribeTemplatesResponse } from '@core/messages/contract'
import { type ApiResult, ok } from '@core/shared/errors'
import { TEMPLATE_KINDS } from '@core/messages/templates'
import { templates } from '@lib/messages/templates'
import { defineAction, noInput } from '@functions/api/gate'

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
