// 统一社会信用代码: the check digit of GB 32100-2015, and what the registration form says about a bad code.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { creditCodeCheck, creditCodeProblem, normalizeCreditCode } from '@core/ngos/credit-code'
import { validateRegisterNgo } from '@core/ngos/ngo'

test('published codes pass their check digit; one changed character fails it', () => {
  // codes printed on public registration records
  for (const code of ['91350100M000100Y43', '52440300MJ00000205']) assert.equal(creditCodeProblem(code), null)
  assert.equal(creditCodeCheck('91350100M000100Y4'), '3')
  assert.match(creditCodeProblem('91350100M000100Y44') ?? '', /校验不通过/)
  assert.match(creditCodeProblem('91350100M000100Z43') ?? '', /大写字母/, 'Z is not in the alphabet')
  assert.match(creditCodeProblem('9135010') ?? '', /18位/)
  assert.match(creditCodeProblem('91ABCDEFM000100Y43') ?? '', /行政区划/)
})

test('typed with spaces or in lower case it is read as printed', () => {
  assert.equal(normalizeCreditCode(' 5244 0300 mj00-000205 '), '52440300MJ00000205')
})

test('registration: optional, checked when given, stored in canonical form', () => {
  const base = {
    name: '海岸线守护者',
    province: '广东',
    city: '深圳',
    causes: ['环境保护'],
    intro: '净滩',
    contactName: '林海',
    contactPhone: '13760001234',
  }
  const none = validateRegisterNgo(base)
  assert.ok(none.ok && none.value.creditCode === '')
  const given = validateRegisterNgo({ ...base, creditCode: '52440300mj00000205' })
  assert.ok(given.ok && given.value.creditCode === '52440300MJ00000205')
  const wrong = validateRegisterNgo({ ...base, creditCode: '52440300MJ00000206' })
  assert.ok(!wrong.ok && /校验不通过/.test(wrong.fields.creditCode))
  const notText = validateRegisterNgo({ ...base, creditCode: 52440300 })
  assert.ok(!notText.ok && wrong.fields.creditCode)
})
