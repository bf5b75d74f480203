// Answers are checked against the call's own questions: the organizer decides what is asked and what is required.
import { answerMaxLength } from './rules'
import { charCount } from '@core/shared/validation'
import type { Answers, Question } from '@core/model'
import { asInput, cleanText, type FieldErrors } from '@core/shared/validation'

/**
 * Clean answers (written ones cleaned like any text, see cleanText, a long answer keeping its lines; empty
 * optional answers left out; multiple choices de-duplicated in option order), recording `answers.<questionId>` messages in `errors`. An answer to a question the call does not ask is an error.
 */
export function readAnswers(raw: unknown, questions: readonly Question[], errors: FieldErrors): Answers {
  const clean: Answers = {}
  if (raw === undefined || raw === null) raw = {}
  const given = asInput(raw)
  if (!given) {
    errors.answers = '问题的回答格式不正确'
    return clean
  }
  const asked = new Set(questions.map((q) => q.id))
  for (const id of Object.keys(given)) {
    if (!asked.has(id)) errors[`answers.${id}`] = '活动没有这个问题'
  }
  for (const question of questions) {
    const key = `answers.${question.id}`
    const answer = readAnswer(given[question.id], question)
    if (typeof answer === 'object' && 'error' in answer) errors[key] = answer.error
    else if (answer !== undefined) clean[question.id] = answer
  }
  return clean
}

type AnswerResult = string | string[] | undefined | { error: string }

function readAnswer(raw: unknown, question: Question): AnswerResult {
  switch (question.kind) {
    case 'text':
    case 'textarea':
      return readTextAnswer(raw, question)
    case 'single':
      return readSingleChoice(raw, question)
    case 'multi':
      return readMultipleChoice(raw, question)
  }
}

function readTextAnswer(raw: unknown, question: Question): AnswerResult {
  if (raw !== undefined && raw !== null && typeof raw !== 'string') return { error: '回答应为文字' }
  const text = cleanText(raw ?? '', question.kind === 'textarea')
  if (text === '') return question.required ? { error: '请填写此项' } : undefined
  const max = answerMaxLength(question)
  if (charCount(text) > max) return { error: `不能超过${max}个字` }
  return text
}

function readSingleChoice(raw: unknown, question: Question): AnswerResult {
  if (raw === undefined || raw === null || raw === '')
    return question.required ? { error: '请选择一项' } : undefined
  if (typeof raw !== 'string') return { error: '请选择一项' }
  if (!(question.options ?? []).includes(raw)) return { error: '请从选项中选择' }
  return raw
}

function readMultipleChoice(raw: unknown, question: Question): AnswerResult {
  if (raw === undefined || raw === null) raw = []
  if (!Array.isArray(raw) || raw.some((choice) => typeof choice !== 'string'))
    return { error: '回答格式不正确' }
  const options = question.options ?? []
  if (raw.some((choice) => !options.includes(choice))) return { error: '请从选项中选择' }
  const chosen = options.filter((option) => raw.includes(option))
  if (chosen.length === 0) return question.required ? { error: '请至少选择一项' } : undefined
  return chosen
}
