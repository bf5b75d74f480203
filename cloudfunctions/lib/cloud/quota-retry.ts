// WeChat Cloud refuses a database request past the environment's quota with -501003 (requests per second, or the
// day's reads or writes) or -501004 (too many at once). A refused request did nothing, so it is safe to send again,
// even an increment: each is retried with full-jitter exponential backoff, while the invocation's budget lasts.
// Nothing else is retried: a request that failed otherwise may have been applied; a write that timed out too. A
// read that timed out did nothing: it is sent again while the budget lasts, and past it the action answers BUSY.
//
// The budget is short while the invocation has written nothing: sending the whole action again later costs
// nothing then, so it answers BUSY and the phone waits (「正在为你排队…」) instead of holding one of the function's
// instances, which everyone else, opening the call's page too, needs. Once something is written, the rest of the
// action is worth finishing: it gets the long budget.

export const QUOTA_ERRORS = new Set([-501003, -501004])

/** Before the invocation's first write, retries stop this long after it began. */
const UNWRITTEN_BUDGET_MS = Number(process.env.JUSHOU_QUOTA_UNWRITTEN_BUDGET_MS) || 2_000
/** After it, this long: well inside the function's own timeout (20 s for api). */
const BUDGET_MS = Number(process.env.JUSHOU_QUOTA_BUDGET_MS) || 12_000
/** What must finish once begun (giving back a seat whose row could not be written) may wait until then. */
const FINISHING_BUDGET_MS = BUDGET_MS + 5_000

let budgetMs = UNWRITTEN_BUDGET_MS
const FIRST_WAIT_MS = 50
const LONGEST_WAIT_MS = 1_000

let invocationStartedAt = Date.now()
/** database requests refused by the quota in this invocation and sent again */
let retries = 0

/**
 * Starts an invocation's budget (an instance runs one invocation at a time; a warm one's module outlives it, so
 * every function's entry calls this). `resentOnBusy`: the caller sends the action again on BUSY (api's phone), so
 * it starts with the short budget; nobody resends a timer's run or a poster: they have the long one from the start.
 */
export function startInvocation(at = Date.now(), { resentOnBusy = true } = {}): void {
  invocationStartedAt = at
  retries = 0
  budgetMs = resentOnBusy ? Math.min(UNWRITTEN_BUDGET_MS, BUDGET_MS) : BUDGET_MS
}

/**
 * Runs `work` with the longer budget: for the undo of a step already taken (a counted seat whose row the quota
 * kept out), which otherwise leaves a seat held empty until the remind timer's repair.
 */
export async function finishing<T>(work: () => Promise<T>): Promise<T> {
  const before = budgetMs
  budgetMs = Math.max(budgetMs, FINISHING_BUDGET_MS)
  try {
    return await work()
  } finally {
    budgetMs = before
  }
}

export function retriesThisInvocation(): number {
  return retries
}

/** The names the cloud gives the same refusals (the `code` of its reply). */
const QUOTA_CODES = new Set(['EXCEED_REQUEST_LIMIT', 'EXCEED_CONCURRENT_REQUEST_LIMIT'])

/**
 * A refusal past the quota, however the SDK reports it: wx-server-sdk 4.0.2 maps the cloud's code to -501003 /
 * -501004 for get, count, add, update and remove, but passes a refused aggregate on as errCode -1 with the cloud's
 * own `code` (EXCEED_REQUEST_LIMIT), which would otherwise fail the action with INTERNAL instead of being retried.
 */
export function isQuotaError(err: unknown): boolean {
  const { errCode, code } = (err ?? {}) as { errCode?: unknown; code?: unknown }
  if (typeof errCode === 'number' && QUOTA_ERRORS.has(errCode)) return true
  return typeof code === 'string' && QUOTA_CODES.has(code)
}

/**
 * The SDK gave up waiting for the database's answer (its own timeout, 15 s): wx-server-sdk reports it as -501001,
 * 'resource system error. request timeout'. Other -501001 failures are not timeouts.
 */
export function isTimeout(err: unknown): boolean {
  const { errCode, errMsg } = (err ?? {}) as { errCode?: unknown; errMsg?: unknown }
  return errCode === -501001 && typeof errMsg === 'string' && /request timeout/.test(errMsg)
}

/** A read that timed out and could not be sent again within the budget: the action answers BUSY. */
export class ReadTimedOut extends Error {
  constructor(readonly timeout: unknown) {
    super(`a database read timed out: ${(timeout as { errMsg?: string }).errMsg ?? String(timeout)}`)
  }
}

/** What the function answers BUSY to (the phone waits and sends the action again), rather than INTERNAL. */
export function answersBusy(err: unknown): boolean {
  return isQuotaError(err) || err instanceof ReadTimedOut
}

/**
 * Runs `request`, sending it again while the quota refuses it (or, a read, it timed out) and the budget lasts; then
 * the refusal is thrown (a read's timeout as ReadTimedOut).
 * A `write` that went through gives the rest of the invocation the long budget (not a conditional update that
 * matched nothing: the invocation has still changed nothing).
 * (`unknown`: the SDK types its requests as `Promise | void | string` for its callback styles.)
 */
export async function withQuotaRetry(request: () => unknown, kind: 'read' | 'write'): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = await request()
      if (kind === 'write' && !changedNothing(reply)) budgetMs = Math.max(budgetMs, BUDGET_MS)
      return reply
    } catch (err) {
      const timedOutRead = kind === 'read' && isTimeout(err)
      if (!isQuotaError(err) && !timedOutRead) throw err
      const wait = Math.random() * Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** attempt)
      if (Date.now() + wait - invocationStartedAt > budgetMs) throw timedOutRead ? new ReadTimedOut(err) : err
      retries++
      await new Promise((done) => setTimeout(done, wait))
    }
  }
}

function changedNothing(reply: unknown): boolean {
  return (reply as { stats?: { updated?: unknown } } | undefined)?.stats?.updated === 0
}
