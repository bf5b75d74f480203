// Text that is stored is text: invisible, bidi and non-characters are stripped wherever text is accepted, and
// person names must contain a letter.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { validateAddWalkIn } from '@core/attendance/validate'
import { validateCallForm } from '@core/calls/call-form'
import { validateJoinNgo, validateRegisterNgo } from '@core/ngos/ngo'
import { validateNotifyVolunteers } from '@core/messages/validate'
import { validateListCalls, validateSignUpForm } from '@core/calls/validate'
import { cleanText, type Validation } from '@core/shared/validation'
import { QUESTIONS } from './fixtures'

function valueOf<T>(result: Validation<T>): T {
  if (!result.ok) assert.fail(`expected the input to pass: ${JSON.stringify(result.fields)}`)
  return result.value
}

function fieldsOf<T>(result: Validation<T>): Record<string, string> {
  assert.equal(result.ok, false, 'expected the input to be refused')
  return result.ok ? {} : result.fields
}

/** One of every class cleanText removes, each between two letters. */
const INVISIBLES: Record<string, string> = {
  NUL: '\u0000',
  'C0 ESC': '\u001b',
  DEL: '\u007f',
  'C1 CSI': '\u009b',
  'soft hyphen': '\u00ad',
  'Arabic letter mark': '\u061c',
  'Hangul filler': '\u3164',
  'halfwidth Hangul filler': '\uffa0',
  'zero-width space': '\u200b',
  'zero-width non-joiner': '\u200c',
  'zero-width joiner': '\u200d',
  LRM: '\u200e',
  RLM: '\u200f',
  LRE: '\u202a',
  'right-to-left override': '\u202e',
  'word joiner': '\u2060',
  'invisible plus': '\u2064',
  'left-to-right isolate': '\u2066',
  'pop directional isolate': '\u2069',
  BOM: '\ufeff',
  'interlinear annotation anchor': '\ufff9',
  'interlinear annotation terminator': '\ufffb',
  'non-character FDD0': '\ufdd0',
  'non-character FDEF': '\ufdef',
  'non-character FFFE': '\ufffe',
  'non-character FFFF': '\uffff',
  'non-character 1FFFE': '\u{1fffe}',
  'non-character 10FFFF': '\u{10ffff}',
  'lone high surrogate': '\ud83c',
  'lone low surrogate': '\udf32',
}

test('every invisible, bidi and non-character is stripped, in single- and multi-line text', () => {
  for (const [what, char] of Object.entries(INVISIBLES)) {
    assert.equal(cleanText(`林${char}晓`), '林晓', what)
    assert.equal(cleanText(`林${char}晓`, true), '林晓', `${what} (multi-line)`)
  }
})

test('what is kept: letters of every script, emoji (paired surrogates), variation selectors, ideographic text', () => {
  for (const text of ['林晓', 'Zoë', '𠮷野家', '🌲 种树', '❤️', 'Анна', 'ئەنۋەر', '阿依古丽·买买提']) {
    assert.equal(cleanText(text), text)
  }
})

test('line breaks and tabs: kept (normalized to \\n) in multi-line fields, spaces in single-line ones', () => {
  assert.equal(
    cleanText('第一行\r\n第二行\r第三行\u2028第四行\u0085五\v六', true),
    '第一行\n第二行\n第三行\n第四行\n五\n六',
  )
  assert.equal(cleanText('甲\t乙\n丙', true), '甲\t乙\n丙')
  assert.equal(cleanText('北京\n朝阳\t三里屯'), '北京 朝阳 三里屯')
  assert.equal(cleanText('  \u200b\n 林晓 \ufeff '), '林晓', 'trimmed after stripping')
})

test('a required text of nothing but invisible characters counts as absent', () => {
  const blank = '\u200b\u202e\ufeff\u0000 \u3164'
  assert.equal(fieldsOf(validateSignUpForm({ name: blank }, QUESTIONS)).name, '请填写姓名')
  assert.equal(fieldsOf(validateJoinNgo({ code: 'abcdefghij', name: blank })).name, '请填写你的称呼')
  const notice = { callId: 'trees', text: `\u200b${blank}`, audience: 'all', requestId: 'tap1' }
  assert.equal(fieldsOf(validateNotifyVolunteers(notice)).text, '请填写通知内容')
  const listed = valueOf(validateListCalls({ keyword: '\u0000\u200b', city: '\ufeff' }))
  assert.deepEqual(listed, {}, 'an optional filter of invisibles is no filter')
})

test('length limits count what is left after stripping', () => {
  const name = `${'林'.repeat(20)}${'\u200b'.repeat(30)}`
  assert.equal(valueOf(validateSignUpForm(signUpForm({ name }), QUESTIONS)).name, '林'.repeat(20))
})

function signUpForm(over: object): object {
  return {
    callId: 'mq-trees',
    name: '林晓',
    phone: '13800138000',
    answers: { planted: '没有', skills: ['拍照'] },
    privacyConsent: true,
    ...over,
  }
}

test('a sign-up is cleaned: the name, one-line answers flattened, long answers keep their lines', () => {
  const value = valueOf(
    validateSignUpForm(
      signUpForm({
        name: '\u202e林\u0000晓\u200d',
        answers: {
          planted: '没有',
          skills: ['拍照'],
          city: '兰州\n市',
          words: '加油\r\n\u2066明天见\u2069\uffff',
        },
      }),
      QUESTIONS,
    ),
  )
  assert.equal(value.name, '林晓')
  assert.deepEqual(value.answers, {
    planted: '没有',
    skills: ['拍照'],
    city: '兰州 市',
    words: '加油\n明天见',
  })
  const blankAnswer = fieldsOf(
    validateSignUpForm(
      signUpForm({ answers: { planted: '没有', skills: ['拍照'], words: '\u200b', city: '\u0000' } }),
      [...QUESTIONS.map((q) => (q.id === 'words' ? { ...q, required: true } : q))],
    ),
  )
  assert.deepEqual(blankAnswer, { 'answers.words': '请填写此项' })
})

test('a call form is cleaned: title, description (keeps lines), tags, questions and options', () => {
  const form = valueOf(
    validateCallForm(
      {
        title: '\u202e植树\u0000活动',
        description: '第一天\r\n\u200b第二天',
        tags: ['环保\ufeff', '\u200b', '环保'],
        startAt: 2_000,
        endAt: 3_000,
        signupDeadline: 1_000,
        questions: [
          { id: 'q1', kind: 'text', title: '你的\u200b尺码', required: false },
          { id: 'q2', kind: 'single', title: '选一个', required: true, options: ['S\u200b', 'M\u0007'] },
        ],
      },
      'draft',
    ),
  )
  assert.equal(form.title, '植树活动')
  assert.equal(form.description, '第一天\n第二天')
  assert.deepEqual(form.tags, ['环保'])
  assert.equal(form.questions[0].title, '你的尺码')
  assert.deepEqual(form.questions[1].options, ['S', 'M'])
})

test('an NGO registration is cleaned; its intro keeps its lines', () => {
  const value = valueOf(
    validateRegisterNgo({
      name: '民勤\u200b治沙',
      province: '甘肃',
      city: '武威\u0000',
      causes: ['环境保护'],
      intro: '治沙\r\n种树\u202e',
      contactName: '\ufeff马\u200b老师',
      contactPhone: '13800138000',
    }),
  )
  assert.equal(value.name, '民勤治沙')
  assert.equal(value.city, '武威')
  assert.equal(value.intro, '治沙\n种树')
  assert.equal(value.contactName, '马老师')
})

const NOT_NAMES = ['🌲🌲🌲', '12345', '。。。', '---', '🌲 123 !', '\u3164🌲', '😀\u200d😀']

test('every person-name field needs a letter: emoji, digits or punctuation alone are refused', () => {
  for (const name of NOT_NAMES) {
    assert.deepEqual(
      fieldsOf(validateSignUpForm(signUpForm({ name }), QUESTIONS)),
      { name: '姓名需包含文字' },
      name,
    )
    assert.deepEqual(
      fieldsOf(validateAddWalkIn({ callId: 'trees', name, phone: '13800138000' })),
      { name: '姓名需包含文字' },
      name,
    )
    assert.deepEqual(
      fieldsOf(validateJoinNgo({ code: 'abcdefghij', name })),
      { name: '你的称呼需包含文字' },
      name,
    )
    const registration = {
      name: '民勤治沙',
      province: '甘肃',
      city: '武威',
      causes: ['环境保护'],
      intro: '治沙',
      contactName: name,
      contactPhone: '13800138000',
    }
    assert.deepEqual(fieldsOf(validateRegisterNgo(registration)), { contactName: '联系人需包含文字' }, name)
  }
})

test('a name with any letter passes, emoji and digits beside it included', () => {
  for (const name of ['林晓', 'Anna', '小林🌲', 'A1', '𠮷', 'Иван', '马 2 号']) {
    assert.equal(valueOf(validateSignUpForm(signUpForm({ name }), QUESTIONS)).name, name)
    assert.equal(valueOf(validateAddWalkIn({ callId: 'trees', name, phone: '13800138000' })).name, name)
    assert.equal(valueOf(validateJoinNgo({ code: 'abcdefghij', name })).name, name)
  }
})

test('a name never keeps a line break, even pasted', () => {
  assert.equal(valueOf(validateSignUpForm(signUpForm({ name: '林\n晓' }), QUESTIONS)).name, '林 晓')
})
