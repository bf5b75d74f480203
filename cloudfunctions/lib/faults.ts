// Fault injection for the crash tests: the local cloud starts a function's instances with JUSHOU_CRASH_AT set to
// names of points (comma-separated), and an instance dies at such a point as if killed. Never set in WeChat Cloud.
export type CrashPoint = 'seat-taken' | 'joiner-counted'

export function crashPoint(name: CrashPoint): void {
  const points = process.env.JUSHOU_CRASH_AT
  if (points && points.split(',').includes(name)) process.exit(70)
}
