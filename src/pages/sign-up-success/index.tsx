// 报名成功: what the volunteer signed up for and what happens next. Reads the sign-up back from the server,
// so a waitlisted volunteer sees their place in the queue rather than a cheerful lie. On a call of several slots the
// form sends how each slot went (`results=`): each is listed, 报名成功 / 候补第 N 位 / 未成功 and why.
import { Button, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { CallDetail } from '@core/calls/contract'
import { companionLabel } from '@core/calls/companions'
import CalendarButton from '@components/CalendarButton'
import Icon from '@components/Icon'
import { asButton } from '@components/a11y'
import LoadFailed from '@components/LoadFailed'
import PersonaChip from '@components/PersonaChip'
import StatusTag from '@components/StatusTag'
import { formatTimeRange } from '@components/format'
import { hasSlotPicker, heldSlots, partsOfSlot, slotForCalendar } from '@components/SlotPicker/slots-view'
import { fetchMineLater, openCall } from '@services/calls/call-page'
import { takeHandedSignUp } from '@services/calls/sign-up-handoff'
import { outcomesFromQuery, refusalText, type ShownOutcome } from '@services/calls/slot-sign-up'
import ReminderCard from './ReminderCard'
import './index.scss'

type State = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; call: CallDetail }

export default function SignUpSuccessPage() {
  const { id: callId = '', results } = useRouter().params
  const [state, setState] = useState<State>({ phase: 'loading' })
  // the form's own answer to the sign-up, when it came from the form just now
  const [handed] = useState(() => takeHandedSignUp(callId))
  const open = useRef(true)
  useEffect(
    () => () => {
      open.current = false
    },
    [],
  )

  /** The call with the volunteer's sign-up; undefined while the cloud has not said it and the form handed none. */
  const withMine = (call: CallDetail): CallDetail | undefined => {
    if (!call.mineUnknown) return call
    if (!handed) return undefined
    const { mineUnknown: _unknown, ...known } = call
    return { ...known, mySignUp: handed, mySignUps: [handed] }
  }
  const showIfKnown = (call: CallDetail) => {
    const known = withMine(call)
    if (known && open.current) setState({ phase: 'ready', call: known })
  }

  // As the call's page reads the call (services/calls/call-page.ts): from its public file or the function's copy
  // while a busy cloud cannot read the sign-up back, with the sign-up the form handed over.
  const load = async () => {
    setState({ phase: 'loading' })
    const result = await openCall(callId, showIfKnown)
    if (!open.current) return
    if (!result.ok) {
      setState({ phase: 'error', message: result.message })
      return
    }
    showIfKnown(result.data)
    if (withMine(result.data)) return
    // opened again later (nothing handed) while the cloud is busy: ask for the sign-up as the call's page does
    const outcome = await fetchMineLater(callId, () => open.current, showIfKnown)
    if (outcome === 'gave-up' && open.current)
      setState({ phase: 'error', message: '报名人数较多，暂时读取不到你的报名，请稍后重试' })
  }
  useLoad(() => {
    load()
  })

  const backToCall = () => {
    // the detail page sits under this one (the form was replaced); opened any other way, go there anew
    if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
    else Taro.redirectTo({ url: `/pages/call-detail/index?id=${callId}` })
  }

  if (state.phase === 'loading') return <View className="success-page" />
  if (state.phase === 'error') {
    return (
      <View className="success-page">
        <LoadFailed message={state.message} onRetry={load} />
      </View>
    )
  }

  const call = state.call
  if (hasSlotPicker(call))
    return <SlotsSuccess call={call} outcomes={outcomesFromQuery(results)} onBack={backToCall} />
  const mine = call.mySignUp
  const waitlisted = mine?.status === 'waitlisted'
  return (
    <View className="success-page">
      <View className="success-page__hero">
        <View className={`success-page__icon ${waitlisted ? 'success-page__icon--wait' : ''}`}>
          <Icon name={waitlisted ? 'hourglass' : 'check'} size={72} color="white" />
        </View>
        <Text className="success-page__title">
          {waitlisted ? `已加入候补，第 ${mine?.waitRank ?? '?'} 位` : '报名成功'}
        </Text>
        <Text className="success-page__subtitle">
          {waitlisted
            ? mine?.companions
              ? '空出的名额够你们全体时按顺序整组递补，递补成功后会通知你'
              : '有人取消时会按顺序自动递补，递补成功后会通知你'
            : `「${call.ngo.name}」的组织者会通过手机号与你联系`}
        </Text>
      </View>

      <View className="summary">
        <Text className="summary__title">{call.title}</Text>
        <View className="summary__row">
          <Icon className="summary__icon" name="clock" size={28} color="muted" label="时间" />
          <Text>{formatTimeRange(call.startAt, call.endAt)}</Text>
        </View>
        <View className="summary__row">
          <Icon className="summary__icon" name="pin" size={28} color="muted" label="地点" />
          <Text>
            {call.city} · {call.address}
          </Text>
        </View>
        {mine && (
          <View className="summary__mine">
            <Text className="summary__who">
              {mine.name} · {mine.phone}
            </Text>
            <StatusTag signUp={mine} />
          </View>
        )}
        {mine?.companions && (
          <View className="summary__party" id="success-party">
            <Text className="summary__who">
              {waitlisted
                ? `共 ${mine.party ?? 1} 人一起候补`
                : `共 ${mine.party ?? 1} 人，占 ${mine.party ?? 1} 个名额`}
            </Text>
            {mine.companions.map((companion, i) => (
              <Text key={i} className="summary__companion">
                同行：{companion.name}（{companionLabel(companion)}）
              </Text>
            ))}
          </View>
        )}
      </View>

      {mine && <ReminderCard call={call} />}

      {/* one primary action per screen: turning on the reminder (in the card above); these only lead on */}
      <View className="success-page__actions">
        <Button
          className="success-page__secondary"
          onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}
        >
          查看我的报名
        </Button>
        <Text className="success-page__link" onClick={backToCall} {...asButton('返回活动')}>
          返回活动
        </Text>
      </View>
      <PersonaChip />
    </View>
  )
}

type Row =
  { slot: string; kind: 'seated' | 'waiting'; text: string } | { slot: string; kind: 'failed'; text: string }

/** Each slot sent, with how it went as the server sees it now (a queue place may have become a seat since). */
function rowsOf(call: CallDetail, outcomes: ShownOutcome[]): Row[] {
  const held = heldSlots(call)
  // opened without results (a reload that lost them, another way in): what the caller holds now
  const shown = outcomes.length ? outcomes : [...held.keys()].map((slot) => ({ slot, ok: true as const }))
  return shown.map((outcome): Row => {
    if (!outcome.ok) {
      return {
        slot: outcome.slot,
        kind: 'failed',
        text: `未成功：${refusalText(outcome.code, call.maxSlotsPerPerson)}`,
      }
    }
    const signUp = held.get(outcome.slot)
    if (signUp?.status === 'waitlisted') {
      return {
        slot: outcome.slot,
        kind: 'waiting',
        text: signUp.waitRank ? `候补第 ${signUp.waitRank} 位` : '候补中',
      }
    }
    if (!signUp) return { slot: outcome.slot, kind: 'failed', text: '已取消' }
    return { slot: outcome.slot, kind: 'seated', text: '报名成功' }
  })
}

function SlotsSuccess({
  call,
  outcomes,
  onBack,
}: {
  call: CallDetail
  outcomes: ShownOutcome[]
  onBack: () => void
}) {
  const rows = rowsOf(call, outcomes)
  const seated = rows.filter((row) => row.kind === 'seated').length
  const waiting = rows.filter((row) => row.kind === 'waiting').length
  const failed = rows.length - seated - waiting
  let title = '报名成功'
  if (seated === 0) title = waiting > 0 ? '已加入候补' : '报名未成功'
  const parts = [
    seated > 0 ? `${seated} 个场次报名成功` : '',
    waiting > 0 ? `${waiting} 个场次在候补` : '',
    failed > 0 ? `${failed} 个场次未成功` : '',
  ].filter(Boolean)
  let subtitle = parts.join('，')
  if (seated > 0) subtitle += `。「${call.ngo.name}」的组织者会通过手机号与你联系`
  else if (waiting > 0) subtitle += '。有人取消时会按顺序自动递补，递补成功后会通知你'
  const mine = call.mySignUps[0]
  return (
    <View className="success-page">
      <View className="success-page__hero">
        <View
          className={`success-page__icon ${seated === 0 ? (waiting > 0 ? 'success-page__icon--wait' : 'success-page__icon--failed') : ''}`}
        >
          <Icon name={seated > 0 ? 'check' : waiting > 0 ? 'hourglass' : 'exclaim'} size={72} color="white" />
        </View>
        <Text className="success-page__title">{title}</Text>
        <Text className="success-page__subtitle">{subtitle}</Text>
      </View>

      <View className="summary">
        <Text className="summary__title">{call.title}</Text>
        <View className="summary__row">
          <Icon className="summary__icon" name="pin" size={28} color="muted" label="地点" />
          <Text>
            {call.city} · {call.address}
          </Text>
        </View>
        <View className="slot-results" id="slot-results">
          {rows.map((row) => (
            <View key={row.slot} className="slot-results__row" id={`result-${row.slot}`}>
              <SlotName call={call} slot={row.slot} />
              <View className="slot-results__side">
                <Text className={`slot-results__tag slot-results__tag--${row.kind}`}>{row.text}</Text>
                {row.kind === 'seated' && (
                  <CalendarButton
                    call={slotForCalendar(call, row.slot)}
                    className="calendar-button--small slot-results__calendar"
                  />
                )}
              </View>
            </View>
          ))}
        </View>
        {mine && (
          <View className="summary__mine">
            <Text className="summary__who">
              {mine.name} · {mine.phone}
            </Text>
          </View>
        )}
      </View>

      {seated + waiting > 0 && <ReminderCard call={call} calendar={false} />}

      <View className="success-page__actions">
        <Button
          className="success-page__secondary"
          onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}
        >
          查看我的报名
        </Button>
        <Text className="success-page__link" onClick={onBack} {...asButton('返回活动')}>
          返回活动
        </Text>
      </View>
      <PersonaChip />
    </View>
  )
}

/** A slot as two lines: the role, then the session's time (the time alone on a call without roles). */
function SlotName({ call, slot }: { call: CallDetail; slot: string }) {
  const { time, role } = partsOfSlot(call, slot)
  return (
    <View className="slot-results__label">
      {role && <Text className="slot-results__role">{role}</Text>}
      <Text className="slot-results__time">{time}</Text>
    </View>
  )
}
