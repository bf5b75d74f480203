// The time every rule is judged at; one function so a whole invocation agrees on "now".
export function now(): number {
  return Date.now()
}
