// One instance of one cloud function: a child process started on the function's declared Node (see
// node-runtime.ts), with its own process.env, running one invocation at a time (as a WeChat Cloud instance does)
// and kept warm between invocations. Talks to the pool over the IPC channel (JSON messages).
'use strict'

const file = process.argv[2]

let handler
let loadError
try {
  handler = require(file).main
  if (typeof handler !== 'function')
    loadError = new Error(`${file} does not export a main(event, context) function`)
} catch (e) {
  loadError = e
}

let current = null

// An error nothing caught ends the instance, as it would on WeChat; the pool hears why before the exit.
process.on('uncaughtException', (e) => {
  const error = e instanceof Error ? e : new Error(String(e))
  const done = () => process.exit(1)
  if (process.connected)
    process.send({ id: current, fatal: true, message: error.message, stack: error.stack }, done)
  else done()
})
// The pool is gone (stopped, or its process died): an orphaned instance must not linger.
process.on('disconnect', () => process.exit(0))

process.on('message', async ({ id, event, env: invocation, context }) => {
  current = id
  // The time limit counts from here: loading the code (cold start) is not part of the invocation.
  process.send({ id, started: true })
  for (const [key, value] of Object.entries(invocation)) {
    if (value === null) delete process.env[key]
    else process.env[key] = value
  }
  try {
    if (loadError) throw loadError
    const value = await handler(event, context)
    process.send({ id, ok: true, json: JSON.stringify(value === undefined ? null : value) })
  } catch (e) {
    const error = e instanceof Error ? e : new Error(typeof e === 'string' ? e : JSON.stringify(e))
    process.send({ id, ok: false, message: error.message, stack: error.stack })
  }
})
