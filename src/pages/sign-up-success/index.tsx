// 报名成功: what the volunteer signed up for and what happens next. Reads the sign-up back from the server,
// so a waitlisted volunteer sees their place in the queue rather than a cheerful lie.
import { Button, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { CallDetail } from '@core/calls/contract'
import Icon from '@components/Icon'
import { asButton } from '@components/a11y'
import LoadFailed from '@components/LoadFailed'
import PersonaChip from '@components/PersonaChip'
import StatusTag from '@components/StatusTag'
import { formatTimeRange } from '@components/format'
import { getCall } from '@services/cloud/api'
import ReminderCard from './ReminderCard'
import './index.scss'

type State = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; call: CallDetail }

export default function SignUpSuccessPage() {
  const callId = useRouter().params.id ?? ''
  const [state, setState] = useState<State>({ phase: 'loading' })

  const load = async () => {
    const result = await getCall({ callId })
    setState(result.ok ? { phase: 'ready', call: result.data } : { phase: 'error', message: result.message })
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
            ? '有人取消时会按顺序自动递补，递补成功后会通知你'
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
