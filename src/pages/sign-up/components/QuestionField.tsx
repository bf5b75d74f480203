// One of the organizer's questions as a form field: text, textarea, single or multiple choice.
import { Input, Text, Textarea, View } from '@tarojs/components'
import LengthCount from '@components/LengthCount'
import { asField } from '@components/a11y'
import { answerMaxLength } from '@core/calls/rules'
import type { Question } from '@core/model'
import ChoiceList from './ChoiceList'

interface Props {
  question: Question
  value: string | string[] | undefined
  error?: string
  onChange: (value: string | string[]) => void
}

export default function QuestionField({ question, value, error, onChange }: Props) {
  const max = answerMaxLength(question)
  const text = typeof value === 'string' ? value : ''
  const chosen = Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : []
  return (
    <View className={`form-field ${error ? 'form-field--error' : ''}`} id={`field-q-${question.id}`}>
      <Text className="form-field__label">
        {question.title}
        {question.required ? <Text className="form-field__required"> *</Text> : null}
        {question.kind === 'multi' ? <Text className="form-field__note">（可多选）</Text> : null}
      </Text>
      {question.kind === 'text' && (
        <Input
          id={`answer-${question.id}`}
          className="form-field__input"
          value={text}
          maxlength={max}
          placeholder="请填写"
          onInput={(e) => onChange(e.detail.value)}
          {...asField(question.title)}
        />
      )}
      {question.kind === 'textarea' && (
        <Textarea
          id={`answer-${question.id}`}
          className="form-field__textarea"
          value={text}
          maxlength={max}
          placeholder="请填写"
          autoHeight
          onInput={(e) => onChange(e.detail.value)}
          {...asField(question.title, 'textarea')}
        />
      )}
      {(question.kind === 'text' || question.kind === 'textarea') && <LengthCount text={text} max={max} />}
      {question.kind === 'single' && (
        <ChoiceList
          options={question.options ?? []}
          chosen={chosen}
          multiple={false}
          onChange={(next) => onChange(next[0] ?? '')}
        />
      )}
      {question.kind === 'multi' && (
        <ChoiceList options={question.options ?? []} chosen={chosen} multiple onChange={onChange} />
      )}
      {error && <Text className="form-field__error">{error}</Text>}
    </View>
  )
}
