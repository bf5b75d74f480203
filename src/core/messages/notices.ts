// Who a notice addresses and who may read it, and the China day its daily limit counts in.
import type { NoticeAudience, SignUpStatus } from '@core/model'

/** China has one time zone and no daylight saving: UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

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

/** 「20260312」: the China calendar day of a moment, as the daily limit counts. */
export function chinaDayKey(epochMs: number): string {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '')
}

/** The moment the China day of `epochMs` began. */
export function chinaDayStart(epochMs: number): number {
  return epochMs - ((epochMs + CHINA_OFFSET_MS) % DAY_MS)
}
