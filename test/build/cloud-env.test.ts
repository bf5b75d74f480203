// A weapp build meant for upload must name its WeChat Cloud environment; local builds (npm start, npm test) must
// not need one. config/index.ts inlines cloudEnvId(process.env) and stops the build on its error.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cloudEnvId, LOCAL_BUILD_FLAG, LOCAL_CLOUD_ENV_ID } from '@config/cloud-env'

const upload = { TARO_ENV: 'weapp', NODE_ENV: 'production' }

test('a production weapp build without CLOUD_ENV_ID stops, saying what is missing and how to set it', () => {
  for (const env of [upload, { ...upload, CLOUD_ENV_ID: '' }, { ...upload, CLOUD_ENV_ID: '  ' }]) {
    assert.throws(
      () => cloudEnvId(env),
      (err: Error) =>
        err.message.startsWith('CLOUD_ENV_ID is not set') &&
        err.message.includes('云开发') &&
        err.message.includes('CLOUD_ENV_ID=jushou-prod-1a2b3c npm run build'),
    )
  }
})

test('the given env id is used, trimmed; a pasted non-id is refused', () => {
  assert.equal(cloudEnvId({ ...upload, CLOUD_ENV_ID: ' jushou-prod-1a2b3c\n' }), 'jushou-prod-1a2b3c')
  assert.equal(cloudEnvId({ ...upload, [LOCAL_BUILD_FLAG]: '1', CLOUD_ENV_ID: 'cloud1-8g5x' }), 'cloud1-8g5x')
  assert.throws(() => cloudEnvId({ ...upload, CLOUD_ENV_ID: '"jushou-prod"' }), /not an env id/)
  assert.throws(() => cloudEnvId({ ...upload, CLOUD_ENV_ID: 'jushou prod' }), /not an env id/)
})

test('local, development and H5 builds need no env id', () => {
  assert.equal(cloudEnvId({ ...upload, [LOCAL_BUILD_FLAG]: '1' }), LOCAL_CLOUD_ENV_ID)
  assert.equal(cloudEnvId({ TARO_ENV: 'weapp', NODE_ENV: 'development' }), LOCAL_CLOUD_ENV_ID)
  assert.equal(cloudEnvId({ TARO_ENV: 'h5', NODE_ENV: 'production' }), LOCAL_CLOUD_ENV_ID)
  // only an explicit flag marks a local build, not any truthy-looking value
  assert.throws(() => cloudEnvId({ ...upload, [LOCAL_BUILD_FLAG]: 'yes' }), /CLOUD_ENV_ID is not set/)
})
