// One instance of one cloud function: a worker thread with its own process.env, running one invocation at a
// time (as a WeChat Cloud instance does) and kept warm between invocations.
'use strict'
const { parentPort, workerData } = require('node:worker_threads')

const { file, env } = workerData
Object.assign(process.env, env)

let handler
let loadError
try {
  handler = require(file).main
  if (typeof handler !== 'function')
    loadError = new Error(`${file} does not export a main(event, context) function`)
} catch (e) {
  loadError = e
}

parentPort.on('message', async ({ id, event, env: invocation, context }) => {
  // The time limit counts from here: loading the code (cold start) is not part of the invocation.
  parentPort.postMessage({ id, started: true })
  for (const [key, value] of Object.entries(invocation)) {
    if (value === null) delete process.env[key]
    else process.env[key] = value
  }
  try {
    if (loadError) throw loadError
    const value = await handler(event, context)
    parentPort.postMessage({ id, ok: true, json: JSON.stringify(value === undefined ? null : value) })
  } catch (e) {
    const error = e instanceof Error ? e : new Error(typeof e === 'string' ? e : JSON.stringify(e))
    parentPort.postMessage({ id, ok: false, message: error.message, stack: error.stack })
  }
})
