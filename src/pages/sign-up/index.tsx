// 报名: name, phone, the organizer's questions and the privacy consent. The form runs the same validation as
// the server (src/core/schemas), so messages appear next to the fields before anything is sent; a field message
// from the server lands in the same place.
//
// What is typed is kept on this phone as a draft of this call's form (services/sign-up-memory) and comes back when
// the form is opened again; going back with unsent input asks 「放弃填写？」 first. After a successful sign-up the
// draft goes, and the name and phone are remembered (on this phone only) to be offered on the next call's form.
//
// On a call of several slots the call's page sends the slots picked (`slots=s1-r1,s2-r1`): they are listed above
// the form, and submitting signs up for each in turn with the same answers (services/calls/slot-sign-up); the
// success page then says how each went.
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { CallDetail } from '@core/calls/contract'
import { maskPhone } from '@core/privacy/privacy'
import { NAME_MAX_LENGTH } from '@core/calls/rules'
import { validateSignUpForm } from '@core/calls/validate'
import { type InsuranceForm, validateInsuranceForm } from '@core/privacy/insurance'
import { attributionFromQuery } from '@core/sharing/share'
import type { Answers } from '@core/model'
import type { FieldErrors } from '@core/shared/validation'
import EmptyState from '@components/EmptyState'
import { hasSlotPicker, knownSlots, partsOfSlot } from '@components/SlotPicker/slots-view'
import Icon from '@components/Icon'
import { asButton, asCheckbox, asField } from '@components/a11y'
import LoadFailed from '@components/LoadFailed'
import PersonaChip from '@components/PersonaChip'
import PhoneQuickFill from '@components/PhoneQuickFill'
import { formatTimeRange } from '@components/format'
import { signUp } from '@services/cloud/api'
import { openCall } from '@services/calls/call-page'
import { handOverSignUp } from '@services/calls/sign-up-handoff'
import { guardLeave } from '@services/page/leave-guard'
import { isAnonymous } from '@services/cloud/session'
import {
  clearDraft,
  loadDraft,
  loadProfile,
  rememberSignedUp,
  saveDraft,
  saveProfile,
  type SavedProfile,
} from '@services/calls/sign-up-memory'
import { outcomesQuery, signUpForSlots } from '@services/calls/slot-sign-up'
import LengthCount from '@components/LengthCount'
import QuestionField from './components/QuestionField'
import InsuranceFields from './components/InsuranceFields'
import CompanionFields, { type CompanionDraft, toCompanions } from './components/CompanionFields'
import './index.scss'

/** What we collect, why, who sees it, and how to take it back: shown right above the consent box. */
function privacyNotice(ngoName: string): string {
  return (
    `我们收集你的姓名、手机号和上面问题的回答，仅用于「${ngoName}」就本次活动与你联系（如集合通知、时间地点变动）。` +
    '这些信息只有该机构的组织者可以看到，不会用于其他用途。' +
    '你可以随时在「我的」中取消报名，取消后组织者不再就本活动联系你。'
  )
}

/** The 保险信息 fields, in form order. */
const INSURANCE_FIELDS = ['idType', 'idNumber', 'emergencyName', 'emergencyPhone', 'consent'] as const

/** The element to scroll to for a field's message, in form order. */
function fieldAnchor(key: string): string {
  if (key.startsWith('answers.')) return `#field-q-${key.slice('answers.'.length)}`
  const companion = /^companions\.(\d+)\./.exec(key)
  if (companion) return `#field-companions-${companion[1]}`
  if (key === 'insurance.consent') return '#insurance-consent'
  if (key.startsWith('insurance')) return `#field-${key.replace(/\./g, '-')}`
  return key === 'privacyConsent' ? '#privacy-consent' : `#field-${key}`
}

function firstErrorAnchor(errors: FieldErrors, questions: readonly { id: string }[]): string | undefined {
  const order = [
    'name',
    'phone',
    ...questions.map((q) => `answers.${q.id}`),
    'companions',
    ...Object.keys(errors)
      .filter((k) => k.startsWith('companions.'))
      .sort(),
    ...INSURANCE_FIELDS.map((field) => `insurance.${field}`),
    ...Object.keys(errors)
      .filter((k) => k.startsWith('insurance.companions.'))
      .sort(),
    'privacyConsent',
  ]
  const key = order.find((k) => errors[k])
  return key && fieldAnchor(key)
}

type State = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; call: CallDetail }

const LEAVE_QUESTION = {
  title: '放弃填写？',
  content: '已填写的内容会保留在这台手机上，下次打开这个报名表时可以接着填。',
}

/** the form's text as one comparable value: what was typed since the page opened makes it 「unsent input」 */
const snapshot = (name: string, phone: string, answers: Answers, companions: readonly CompanionDraft[]) =>
  JSON.stringify([name, phone, answers, companions])

export default function SignUpPage() {
  const { id: callId = '', ref, src, slots: slotsParam = '' } = useRouter().params
  const [state, setState] = useState<State>({ phase: 'loading' })
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [answers, setAnswers] = useState<Answers>({})
  const [consent, setConsent] = useState(false)
  const [insurance, setInsurance] = useState<InsuranceForm>({ consent: false })
  const [companions, setCompanions] = useState<CompanionDraft[]>([])
  const [errors, setErrors] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)
  /** the cloud is busy and the sign-up waits its turn to be sent again */
  const [queued, setQueued] = useState(false)
  /** on a call of several slots: which one is being sent (0-based) */
  const [sending, setSending] = useState(0)
  const [restored, setRestored] = useState(false)
  const [profile, setProfile] = useState<SavedProfile | null>(null)
  // the form as it was when it appeared (empty, or the restored draft)
  const opened = useRef(snapshot('', '', {}, []))
  const releaseGuard = useRef<(() => void) | undefined>(undefined)

  // whether the form shows yet: its draft is restored once, with the first call shown
  const shown = useRef(false)
  const show = (call: CallDetail) => {
    if (!shown.current) {
      shown.current = true
      // restored in the same render that shows the form, so the draft is never overwritten by an empty one
      const draft = loadDraft(callId)
      if (draft) {
        setName(draft.name)
        setPhone(draft.phone)
        setAnswers(draft.answers)
        setCompanions(draft.companions)
        setRestored(true)
      }
      opened.current = snapshot(
        draft?.name ?? '',
        draft?.phone ?? '',
        draft?.answers ?? {},
        draft?.companions ?? [],
      )
      setProfile(loadProfile())
    }
    setState({ phase: 'ready', call })
  }

  // As the call's page opens it (services/calls/call-page.ts): from its public file when that comes first, so the
  // form shows while a call shared into big group chats keeps the function busy; the function's answer follows.
  const load = async () => {
    if (!shown.current) setState({ phase: 'loading' })
    const result = await openCall(callId, (call) => {
      if (!shown.current) show(call)
    })
    // (a busy function after the file showed the call answers with that call: any error left is the page's)
    if (result.ok) show(result.data)
    else setState({ phase: 'error', message: result.message })
  }
  useLoad(() => {
    load()
  })

  // a call of several slots: the slots picked on its page, in the call's order (unknown keys dropped)
  const picker = state.phase === 'ready' && hasSlotPicker(state.call)
  const chosen =
    state.phase === 'ready' && picker ? knownSlots(state.call, decodeURIComponent(slotsParam).split(',')) : []
  const formShown =
    state.phase === 'ready' &&
    !isAnonymous() &&
    (picker ? chosen.length > 0 : !(state.call.mySignUp && state.call.mySignUp.status !== 'cancelled'))
  // every change is kept on the phone at once: leaving by any way (even a closed app) loses nothing
  useEffect(() => {
    if (formShown) saveDraft(callId, { name, phone, answers, companions })
  }, [formShown, callId, name, phone, answers, companions])

  const unsent = formShown && snapshot(name, phone, answers, companions) !== opened.current
  useEffect(() => {
    if (!unsent) return undefined
    const release = guardLeave(LEAVE_QUESTION)
    releaseGuard.current = release
    return () => {
      release()
      releaseGuard.current = undefined
    }
  }, [unsent])

  if (state.phase === 'loading') return <View className="sign-up-page" />
  if (state.phase === 'error') {
    return (
      <View className="sign-up-page">
        <LoadFailed message={state.message} onRetry={load} />
      </View>
    )
  }

  const call = state.call
  // a party that does not fit in the places left waits as a whole
  const joinsWaitlist = call.spotsLeft < 1 + companions.length && call.waitlist
  const active = !picker && call.mySignUp && call.mySignUp.status !== 'cancelled'
  const backToCall = () => {
    if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
    else Taro.redirectTo({ url: `/pages/call-detail/index?id=${callId}` })
  }
  if (picker && chosen.length === 0 && !isAnonymous()) {
    // opened without a choice (an old link, a lost address): the choice is made on the call's page
    return (
      <View className="sign-up-page">
        <EmptyState
          icon="clock"
          title="请先选择场次"
          description="这个活动有多个场次，请在活动页勾选要参加的场次后再报名"
          actionText="返回活动选择场次"
          onAction={backToCall}
        />
        <PersonaChip />
      </View>
    )
  }
  if (active || isAnonymous()) {
    return (
      <View className="sign-up-page">
        {active ? (
          <EmptyState
            icon="checkCircle"
            title={
              call.mySignUp?.status === 'waitlisted'
                ? `你已在候补名单中（第 ${call.mySignUp.waitRank ?? '?'} 位）`
                : '你已报名这个活动'
            }
            actionText="查看我的报名"
            onAction={() => Taro.switchTab({ url: '/pages/mine/index' })}
          />
        ) : (
          <EmptyState icon="lock" title="登录后才能报名" description="请在微信中打开，或切换为志愿者身份" />
        )}
        <PersonaChip />
      </View>
    )
  }

  // editing a field clears its message: the volunteer sees only what is still wrong
  const clearError = (key: string) => {
    if (errors[key]) setErrors(({ [key]: _removed, ...rest }) => rest)
  }
  const setAnswer = (questionId: string, value: string | string[]) => {
    setAnswers((prev) => ({ ...prev, [questionId]: value }))
    clearError(`answers.${questionId}`)
  }

  const showErrors = (fields: FieldErrors) => {
    setErrors(fields)
    const anchor = firstErrorAnchor(fields, call.questions)
    if (anchor) Taro.pageScrollTo({ selector: anchor, offsetTop: -80, duration: 200 })
  }

  const submit = async () => {
    if (submitting) return
    const form = {
      callId,
      name,
      phone,
      answers,
      privacyConsent: consent,
      companions: toCompanions(companions),
    }
    const checked = validateSignUpForm(form, call.questions, call.companions)
    // asked by the call, unless given for another of its slots and left empty now (the function reuses those)
    const reuse =
      insuranceOnFile && !insurance.idNumber && !insurance.emergencyName && !insurance.emergencyPhone
    const insured =
      call.insurance && !reuse
        ? validateInsuranceForm(insurance, call.insurance, Date.now(), companions.length)
        : undefined
    if (!checked.ok || (insured && !insured.ok)) {
      showErrors({ ...(checked.ok ? {} : checked.fields), ...(insured && !insured.ok ? insured.fields : {}) })
      Taro.showToast({ title: '请检查标红的内容', icon: 'none' })
      return
    }
    setSubmitting(true)
    const request = {
      ...checked.value,
      ...(insured ? { insurance: { ...insured.value, consent: true } } : {}),
    }
    if (picker) {
      await submitSlots(request)
      return
    }
    const result = await signUp(
      { ...request, ...attributionFromQuery(src, ref) },
      { onQueued: () => setQueued(true) },
    )
    setSubmitting(false)
    setQueued(false)
    if (result.ok || result.code === 'ALREADY_SIGNED_UP') {
      if (result.ok) {
        saveProfile({ name: checked.value.name, phone: checked.value.phone })
        handOverSignUp(callId, result.data.signUp)
      }
      rememberSignedUp(callId)
      clearDraft(callId)
      // sent: nothing to lose, and the guard would hold the redirect in the browser
      releaseGuard.current?.()
      Taro.redirectTo({ url: `/pages/sign-up-success/index?id=${callId}` })
      return
    }
    if (result.fields) showErrors(result.fields)
    Taro.showModal({ title: '报名未成功', content: result.message, showCancel: false, confirmText: '知道了' })
  }

  /** One sign-up per slot picked, in order; then the success page says how each went. */
  const submitSlots = async (form: Parameters<typeof signUp>[0]) => {
    setSending(0)
    const sent = await signUpForSlots(
      { ...form, ...attributionFromQuery(src, ref) },
      chosen.map((slot) => slot.key),
      { onQueued: () => setQueued(true), onSlot: (index) => setSending(index) },
    )
    setSubmitting(false)
    setQueued(false)
    if (sent.stopped) {
      if (sent.stopped.fields) showErrors(sent.stopped.fields)
      Taro.showModal({
        title: '报名未成功',
        content: sent.stopped.message,
        showCancel: false,
        confirmText: '知道了',
      })
      return
    }
    if (sent.outcomes.some((outcome) => outcome.ok)) {
      saveProfile({ name: form.name, phone: form.phone })
      rememberSignedUp(callId)
      clearDraft(callId)
    }
    releaseGuard.current?.()
    Taro.redirectTo({
      url: `/pages/sign-up-success/index?id=${callId}&results=${outcomesQuery(sent.outcomes)}`,
    })
  }

  const held = new Set(call.mySignUps.map((signUp) => signUp.slot))
  const insuranceOnFile = call.myInsurance !== undefined
  const waitingSlots = chosen.filter((slot) => slot.spotsLeft <= 0 && !held.has(slot.key)).length
  let submitText = joinsWaitlist ? '提交并加入候补' : '提交报名'
  if (picker) submitText = `提交报名（${chosen.length} 个场次）`
  if (submitting)
    submitText = picker && chosen.length > 1 ? `提交中（${sending + 1}/${chosen.length}）…` : '提交中…'
  if (queued) submitText = '报名人数较多，正在为你排队…'

  return (
    <View className="sign-up-page">
      <View className="sign-up-page__call">
        <Text className="sign-up-page__call-title">{call.title}</Text>
        <Text className="sign-up-page__call-meta">
          {call.ngo.name} · {formatTimeRange(call.startAt, call.endAt)}
        </Text>
        {!picker && joinsWaitlist && (
          <Text className="sign-up-page__call-wait">名额已满，提交后将进入候补名单</Text>
        )}
      </View>

      {picker && (
        <View className="chosen-slots" id="chosen-slots">
          <Text className="chosen-slots__title">报名场次 · {chosen.length} 个</Text>
          {chosen.map((slot) => (
            <View key={slot.key} className="chosen-slots__row">
              <View className="chosen-slots__label">
                {partsOfSlot(call, slot.key).role && (
                  <Text className="chosen-slots__role">{partsOfSlot(call, slot.key).role}</Text>
                )}
                <Text className="chosen-slots__time">{partsOfSlot(call, slot.key).time}</Text>
              </View>
              {held.has(slot.key) ? (
                <Text className="chosen-slots__tag chosen-slots__tag--held">已报名</Text>
              ) : (
                slot.spotsLeft <= 0 && <Text className="chosen-slots__tag">候补</Text>
              )}
            </View>
          ))}
          {waitingSlots > 0 && (
            <Text className="sign-up-page__call-wait">标「候补」的场次已满，提交后进入该场次的候补名单</Text>
          )}
          <Text className="chosen-slots__edit" onClick={backToCall} {...asButton('修改场次')}>
            修改场次
          </Text>
        </View>
      )}

      {restored && (
        <Text className="sign-up-page__restored" id="draft-restored">
          已恢复你上次未提交的内容
        </Text>
      )}

      <View className="form-group">
        {profile && (profile.name !== name || profile.phone !== phone) && (
          <View className="saved-profile">
            <View
              id="use-saved-profile"
              className="saved-profile__chip"
              onClick={() => {
                setName(profile.name)
                setPhone(profile.phone)
                clearError('name')
                clearError('phone')
              }}
              {...asButton(`使用上次的信息：${profile.name} ${maskPhone(profile.phone)}`)}
            >
              <Icon name="people" size={28} color="brand" />
              <Text className="saved-profile__text">
                使用上次的信息：{profile.name} {maskPhone(profile.phone)}
              </Text>
            </View>
            <Text className="saved-profile__note">仅保存在这台手机上，可在「我的 → 隐私与数据」中清除</Text>
          </View>
        )}
        <View className={`form-field ${errors.name ? 'form-field--error' : ''}`} id="field-name">
          <Text className="form-field__label">
            姓名<Text className="form-field__required"> *</Text>
          </Text>
          <Input
            id="name-input"
            className="form-field__input"
            value={name}
            maxlength={NAME_MAX_LENGTH}
            placeholder="真实姓名"
            {...asField('姓名')}
            onInput={(e) => {
              setName(e.detail.value)
              clearError('name')
            }}
          />
          <LengthCount text={name} max={NAME_MAX_LENGTH} />
          {errors.name && <Text className="form-field__error">{errors.name}</Text>}
        </View>
        <View className={`form-field ${errors.phone ? 'form-field--error' : ''}`} id="field-phone">
          <Text className="form-field__label">
            手机号<Text className="form-field__required"> *</Text>
          </Text>
          <Input
            id="phone-input"
            className="form-field__input"
            type="number"
            value={phone}
            maxlength={11}
            placeholder="11位手机号"
            {...asField('手机号')}
            onInput={(e) => {
              setPhone(e.detail.value)
              clearError('phone')
            }}
          />
          <PhoneQuickFill
            onPhone={(number) => {
              setPhone(number)
              clearError('phone')
            }}
          />
          {errors.phone && <Text className="form-field__error">{errors.phone}</Text>}
        </View>
      </View>

      {call.questions.length > 0 && (
        <View className="form-group">
          <Text className="form-group__title">组织者的问题</Text>
          {call.questions.map((question) => (
            <QuestionField
              key={question.id}
              question={question}
              value={answers[question.id]}
              error={errors[`answers.${question.id}`]}
              onChange={(value) => setAnswer(question.id, value)}
            />
          ))}
        </View>
      )}

      {call.companions && (
        <CompanionFields
          rule={call.companions}
          value={companions}
          errors={errors}
          spotsLeft={picker ? undefined : call.spotsLeft}
          waitlist={call.waitlist}
          onChange={(value, changed) => {
            // a companion removed takes their ID with them (the IDs are kept by position)
            const removed = companions.findIndex((companion) => !value.includes(companion))
            if (value.length < companions.length && removed >= 0)
              setInsurance((prev) => ({
                ...prev,
                companions: prev.companions?.filter((_, i) => i !== removed),
              }))
            setCompanions(value)
            // one added or removed renumbers those after it: their messages no longer fit their places
            if (changed === 'companions')
              setErrors((prev) =>
                Object.fromEntries(Object.entries(prev).filter(([key]) => !key.startsWith('companions'))),
              )
            else clearError(changed)
          }}
        />
      )}

      {call.insurance && (
        <InsuranceFields
          setting={call.insurance}
          value={insurance}
          errors={errors}
          onFile={call.myInsurance}
          companions={companions.map((companion) => companion.name)}
          onChange={(value, changed) => {
            setInsurance(value)
            clearError(`insurance.${changed}`)
          }}
        />
      )}

      <View className="privacy">
        <Text className="privacy__title">隐私说明</Text>
        <Text className="privacy__text">{privacyNotice(call.ngo.name)}</Text>
        <View
          id="privacy-consent"
          className={`privacy__consent ${errors.privacyConsent ? 'privacy__consent--error' : ''}`}
          onClick={() => {
            setConsent(!consent)
            clearError('privacyConsent')
          }}
          {...asCheckbox('我已阅读并同意以上隐私说明', consent)}
        >
          <View className={`consent-box ${consent ? 'consent-box--on' : ''}`}>
            {consent && <Icon name="check" size={24} color="white" />}
          </View>
          <Text className="privacy__agree">我已阅读并同意以上隐私说明</Text>
        </View>
        {errors.privacyConsent && <Text className="form-field__error">{errors.privacyConsent}</Text>}
      </View>

      <View className="submit-bar">
        <Button
          id="submit-sign-up"
          className={`submit-bar__button ${submitting ? 'submit-bar__button--busy' : ''}`}
          disabled={submitting || undefined}
          onClick={submit}
        >
          {submitText}
        </Button>
      </View>
      <PersonaChip />
    </View>
  )
}
