// The time every rule is judged at; one function so a whole invocation agrees on "now". The local cloud can move
// its clock for tests (JUSHOU_CLOCK_OFFSET_MS, set per invocation); WeChat Cloud never sets it.
export function now(): number {
  return Date.now() + (Number(process.env.JUSHOU_CLOCK_OFFSET_MS) || 0)
}
