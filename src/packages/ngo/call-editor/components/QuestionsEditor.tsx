// The questions a call asks at sign-up: add, reorder, remove, required or not, choices one per line.
import { Input, Text, Textarea, View } from '@tarojs/components'
import type { Question, QuestionKind } from '@core/model'
import { asButton, asCheckbox } from '@components/a11y'

const KIND_LABELS: Record<QuestionKind, string> = {
  single: '单选',
  multi: '多选',
  text: '填空',
  textarea: '长文本',
}

interface Props {
  questions: Question[]
  errors: Record<string, string>
  onChange: (questions: Question[]) => void
}

export default function QuestionsEditor({ questions, errors, onChange }: Props) {
  const update = (i: number, patch: Partial<Question>) =>
    onChange(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)))
  const move = (i: number, by: number) => {
    const next = [...questions]
    const [q] = next.splice(i, 1)
    next.splice(i + by, 0, q)
    onChange(next)
  }
  const add = (kind: QuestionKind) => {
    // ids only need to be unique within the call; answers are keyed by them
    const id = `q${Date.now().toString(36)}`
    const question: Question = { id, kind, title: '', required: false }
    if (kind === 'single' || kind === 'multi') question.options = ['', '']
    onChange([...questions, question])
  }

  return (
    <View>
      {questions.map((q, i) => (
        <View key={q.id} className="question-editor field">
          <Text className="field__label">
            问题 {i + 1} · {KIND_LABELS[q.kind]}
          </Text>
          <Input
            className="field__input"
            placeholder="问题，如：衣服尺码"
            value={q.title}
            onInput={(e) => update(i, { title: e.detail.value })}
          />
          {q.options && (
            <Textarea
              className="field__textarea"
              placeholder="选项，每行一个"
              value={q.options.join('\n')}
              onInput={(e) => update(i, { options: e.detail.value.split('\n') })}
            />
          )}
          <View className="chips">
            <Text
              className={`chip ${q.required ? 'chip--on' : ''}`}
              onClick={() => update(i, { required: !q.required })}
              {...asCheckbox(`问题 ${i + 1} 必填`, q.required)}
            >
              {q.required ? '必填' : '选填'}
            </Text>
            {i > 0 && (
              <Text className="chip" onClick={() => move(i, -1)} {...asButton(`问题 ${i + 1} 上移`)}>
                上移
              </Text>
            )}
            {i < questions.length - 1 && (
              <Text className="chip" onClick={() => move(i, 1)} {...asButton(`问题 ${i + 1} 下移`)}>
                下移
              </Text>
            )}
            <Text
              className="chip"
              onClick={() => onChange(questions.filter((_, j) => j !== i))}
              {...asButton(`删除问题 ${i + 1}`)}
            >
              删除
            </Text>
          </View>
          {errors[`questions.${i}`] && <Text className="field__error">{errors[`questions.${i}`]}</Text>}
        </View>
      ))}
      <View className="chips">
        {(['single', 'multi', 'text', 'textarea'] as QuestionKind[]).map((kind) => (
          <Text
            key={kind}
            className="chip"
            onClick={() => add(kind)}
            {...asButton(`添加${KIND_LABELS[kind]}问题`)}
          >
            + {KIND_LABELS[kind]}
          </Text>
        ))}
      </View>
    </View>
  )
}
