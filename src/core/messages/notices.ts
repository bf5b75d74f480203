// Who a notice addresses and who may read it, and the China day its daily limit counts in.
import type { NoticeAudience, SignUpStatus } from '@core/model'

/** China has one time zone and no daylight saving: UTC+8 all year. */

/**
 * The sign-ups a new notice is sent to: those holding a seat (already checked in, too: a notice during the day is
 * for them), and with `all` those waiting for one. Walk-ins have no WeChat identity to reach and are left out.
 */
export function addressedStatuses(audience: NoticeAudience): SignUpStatus[] {
  return audience === 'all' ? ['confirmed', 'attended', 'waitlisted'] : ['confirmed', 'attended']
}

/** Whether a volunteer whose sign-up is now `status` reads a notice (one who did not come still reads them). */
export function readsNotice(status: SignUpStatus, audience: NoticeAudience): boolean {
  return status === 'no_show' || addressedStatuses(audience).includes(status)
}
