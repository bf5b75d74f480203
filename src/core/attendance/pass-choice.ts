// Which of the volunteer's kept offline passes 我的签到码 shows. Apart from offline-pass.ts so the pages that only
// keep passes (我的, in the main package) do not carry the signature check.
import type { OfflinePassView } from './contract'

/**
 * The passes to offer now, the first shown: those good now (the earliest session first), then those still to
 * become good; passes whose window is over are dropped.
 */
export function passesForNow<P extends Pick<OfflinePassView, 'validFrom' | 'validUntil' | 'startAt'>>(
  passes: readonly P[],
  now: number,
): P[] {
  const live = passes.filter((p) => p.validUntil >= now).sort((a, b) => a.startAt - b.startAt)
  return [...live.filter((p) => p.validFrom <= now), ...live.filter((p) => p.validFrom > now)]
}
