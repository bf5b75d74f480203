// Whether a reminder will come, said honestly: WeChat sends one only if the volunteer allows it in its sheet, which
// opens only from a tap. The calendar is offered either way to someone with a seat; a waitlisted volunteer has no
// event to put in a calendar yet (their messages say when a seat comes).
import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { CallDetail } from '@core/calls/contract'
import type { SubscribeTemplate } from '@core/messages/contract'
import CalendarButton from '@components/CalendarButton'
import { callApi } from '@services/cloud/api'
import { requestSubscriptions } from '@services/messages/subscribe'
import './ReminderCard.scss'

type Reminder = 'unasked' | 'asking' | 'on' | 'off'

/** `calendar`: offer the call's own calendar entry (false on a call of several slots: each held slot has its own) */
export default function ReminderCard({ call, calendar = true }: { call: CallDetail; calendar?: boolean }) {
  const [templates, setTemplates] = useState<SubscribeTemplate[]>([])
  const [reminder, setReminder] = useState<Reminder>('unasked')
  const seated = call.mySignUp?.status === 'confirmed'

  useEffect(() => {
    callApi('subscribeTemplates', {}).then((result) => {
      if (!result.ok) return
      setTemplates(result.data.templates)
      // back on this page later: a reminder already allowed is said so, not asked for again
      const starting = result.data.templates.find((t) => t.kind === 'starting')
      if (starting && (call.mySignUp?.subscriptions?.[starting.id] ?? 0) > 0) setReminder('on')
    })
  }, [call])

  const ask = async () => {
    setReminder('asking')
    const accepted = await requestSubscriptions(templates)
    // one id per tap, so a retried report of this tap is counted once
    const requestId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
    const result = await callApi('recordSubscriptions', { callId: call._id, accepted, requestId })
    setReminder(result.ok && result.data.reminder ? 'on' : 'off')
  }

  return (
    <View className="reminder-card">
      {reminder === 'on' && (
        <Text className="reminder-card__text reminder-card__text--on">活动开始前，微信会提醒你一次</Text>
      )}
      {reminder === 'off' && (
        <Text className="reminder-card__text">
          {seated
            ? '你没有开启提醒，活动开始前不会收到微信通知，可以添加到日历'
            : '你没有开启提醒，递补成功时不会收到微信通知，请留意「我的」'}
        </Text>
      )}
      {(reminder === 'unasked' || reminder === 'asking') && (
        <Button
          className="reminder-card__ask"
          disabled={templates.length === 0 || reminder === 'asking' || undefined}
          onClick={ask}
        >
          开启活动提醒
        </Button>
      )}
      {seated && calendar && <CalendarButton call={{ ...call, ngoName: call.ngo.name }} />}
    </View>
  )
}
