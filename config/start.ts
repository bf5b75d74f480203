// npm start: build the cloud functions, the weapp (for WeChat DevTools) and the H5 app, then run the local
// WeChat Cloud with demo data and serve the H5 app from it.
// PORT (default 3000) and DATA_DIR (default .cloud-data) can be set; --no-build reuses dist/.
import { join } from 'node:path'
import { ROOT, taroBuild } from './run'
import { buildAllFunctions, FUNCTIONS_OUT } from './build-functions'
import { startEmulator } from '@emulator/index'
import { quotaFromEnv } from '@emulator/quota'
import { DEFAULT_RUNTIME, nodeBinary } from '@emulator/node-runtime'

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    await buildAllFunctions()
    taroBuild('weapp')
    taroBuild('h5')
  }
  nodeBinary(DEFAULT_RUNTIME) // the functions' own Node, fetched on the first start
  const emulator = await startEmulator({
    port: Number(process.env.PORT ?? 3000),
    dataDir: process.env.DATA_DIR ?? join(ROOT, '.cloud-data'),
    functionsDir: FUNCTIONS_OUT,
    staticDir: join(ROOT, 'dist', 'h5'),
    seed: true,
    timers: true,
    log: true,
    quota: quotaFromEnv(), // QUOTA=base: WeChat Cloud's base-plan limits
  })
  console.log(`\n举手 is running: ${emulator.url}/`)
  if (emulator.quota) console.log(`with WeChat Cloud's base quota: ${JSON.stringify(emulator.quota.profile)}`)
  console.log('WeChat DevTools: open this folder (project.config.json points at dist/weapp).')
  const stop = (): void => {
    emulator.stop().finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
