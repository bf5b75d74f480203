// Fault injection for the crash tests: the local cloud starts a function's instances with JUSHOU_CRASH_AT set to
// names of points (comma-separated), and an instance dies at such a point as if killed. `name@N` dies the N-th
// time the point is reached (e.g. after N messages were sent). Never set in WeChat Cloud.
export type CrashPoint =
  'seat-taken' | 'signed-up' | 'joiner-counted' | 'promoted' | 'message-marked' | 'message-sent'

const reached = new Map<CrashPoint, number>()

export function crashPoint(name: CrashPoint): void {
  const points = process.env.JUSHOU_CRASH_AT
  if (!points) return
  const times = reached.get(name) ?? 0
  reached.set(name, times + 1)
  for (const point of points.split(',')) {
    const [at, nth] = point.split('@')
    if (at === name && (nth === undefined || Number(nth) === times + 1)) process.exit(70)
  }
}
