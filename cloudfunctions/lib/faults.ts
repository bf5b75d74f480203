// Fault injection for the crash tests: the local cloud starts a function's instances with JUSHOU_CRASH_AT set to
// the name of a point, and the instance dies there as if killed. Never set in WeChat Cloud.
export type CrashPoint = 'seat-taken' | 'joiner-counted'

export function crashPoint(name: CrashPoint): void {
  if (process.env.JUSHOU_CRASH_AT === name) process.exit(70)
}
