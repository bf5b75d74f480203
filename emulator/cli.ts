// Runs the local WeChat Cloud from the command line:
//   tsx emulator/cli.ts --port 3000 --data .cloud-data --functions dist/cloudfunctions --static dist/h5 --seed
import { parseArgs } from 'node:util'
import { startEmulator } from './'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: '.cloud-data' },
    functions: { type: 'string', default: 'dist/cloudfunctions' },
    static: { type: 'string' },
    seed: { type: 'boolean', default: false },
    instances: { type: 'string', default: '8' },
    // seconds, for every function; without it each function's config.json `timeout` applies
    timeout: { type: 'string' },
    'no-timers': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
})

async function main(): Promise<void> {
  const emulator = await startEmulator({
    port: Number(values.port),
    host: values.host,
    dataDir: values.data,
    functionsDir: values.functions,
    staticDir: values.static,
    seed: values.seed,
    instances: Number(values.instances),
    timeoutMs: values.timeout === undefined ? undefined : Number(values.timeout) * 1000,
    timers: !values['no-timers'],
    log: !values.quiet,
  })
  console.log(`WeChat Cloud emulator: ${emulator.url}`)
  const stop = (): void => {
    emulator.stop().finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
