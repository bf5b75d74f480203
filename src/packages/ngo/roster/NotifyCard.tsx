// 通知报名者: the organizer writes to the call's sign-ups. Everyone addressed sees the notice on the call's page;
// those who allowed a 活动变更 message also get it in WeChat. The confirm dialog says how many will be told.
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { RosterEntry } from '@core/calls/contract'
import {
  NOTICE_MAX_LENGTH,
  NOTICE_MIN_LENGTH,
  NOTICES_PER_DAY,
  type NoticeView,
} from '@core/messages/contract'
import { fitText, THING_MAX_LENGTH } from '@core/messages/messages'
import { addressedStatuses } from '@core/messages/notices'
import { charCount } from '@core/shared/validation'
import type { CallStatus, NoticeAudience } from '@core/model'
import { formatTime } from '@components/format'
import { callNotices, notifyVolunteers } from '@services/messages/notices'
import './NotifyCard.scss'

interface Props {
  callId: string
  status: CallStatus
  entries: RosterEntry[]
}

const AUDIENCES: { audience: NoticeAudience; label: string }[] = [
  { audience: 'confirmed', label: '已报名' },
  { audience: 'all', label: '已报名和候补' },
]

export default function NotifyCard({ callId, status, entries }: Props) {
  const [text, setText] = useState('')
  const [audience, setAudience] = useState<NoticeAudience>('confirmed')
  const [sending, setSending] = useState(false)
  const [error, setError] = useState('')
  const [notices, setNotices] = useState<NoticeView[]>([])
  const [remaining, setRemaining] = useState(NOTICES_PER_DAY)

  const [sent, setSent] = useState(0)

  // the past notices, read again after each one sent
  useEffect(() => {
    let live = true
    callNotices({ callId }).then((result) => {
      if (!live || !result.ok) return
      setNotices(result.data.notices)
      setRemaining(result.data.remainingToday ?? NOTICES_PER_DAY)
    })
    return () => {
      live = false
    }
  }, [callId, sent])

  if (status === 'draft' || status === 'cancelled') return null

  const length = charCount(text.trim())
  const statuses = addressedStatuses(audience)
  const addressed = entries.filter((e) => !e.walkIn && statuses.includes(e.status)).length
  const ready = length >= NOTICE_MIN_LENGTH && length <= NOTICE_MAX_LENGTH && addressed > 0 && remaining > 0

  const send = async () => {
    const { confirm } = await Taro.showModal({
      title: '通知报名者',
      content: `将通知 ${addressed} 位志愿者。他们会在活动页看到这条通知，允许过提醒的还会收到微信消息。`,
      confirmText: '发送',
    })
    if (!confirm) return
    setSending(true)
    setError('')
    // one id per confirmed tap: if the answer is lost and the organizer taps again, the notice goes out once
    const requestId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
    const result = await notifyVolunteers({ callId, text: text.trim(), audience, requestId })
    setSending(false)
    if (!result.ok) {
      setError(result.fields?.text ?? result.fields?.audience ?? result.message)
      return
    }
    const { addressed: told, withReminderAllowed } = result.data
    Taro.showToast({ title: `已通知 ${told} 人，其中 ${withReminderAllowed} 人会收到微信消息`, icon: 'none' })
    setText('')
    setSent((n) => n + 1)
  }

  return (
    <View className="console-card notify-card" id="notify-card">
      <Text className="console-title">通知报名者</Text>
      <Textarea
        id="notice-text"
        className="notify-card__text"
        maxlength={NOTICE_MAX_LENGTH}
        placeholder="如：集合地点改到镇政府西门，请带好手套和水壶"
        value={text}
        onInput={(e) => setText(e.detail.value)}
      />
      <Text className={`notify-card__count ${length > NOTICE_MAX_LENGTH ? 'notify-card__count--over' : ''}`}>
        {length}/{NOTICE_MAX_LENGTH}
      </Text>
      {/* WeChat's message shows at most 20 characters: the organizer sees where the cut falls before sending */}
      {length > THING_MAX_LENGTH && (
        <View className="notify-card__preview" id="notice-wechat-preview">
          <Text className="notify-card__preview-label">微信消息中只显示前 {THING_MAX_LENGTH} 个字：</Text>
          <Text className="notify-card__preview-text">{fitText(text)}</Text>
          <Text className="notify-card__preview-label">
            完整内容显示在活动页的「组织者通知」里，要紧的话请写在前面。
          </Text>
        </View>
      )}
      <View className="chips notify-card__audience">
        {AUDIENCES.map((a) => (
          <Text
            key={a.audience}
            className={`chip ${a.audience === audience ? 'chip--on' : ''}`}
            onClick={() => setAudience(a.audience)}
          >
            {a.label}
          </Text>
        ))}
      </View>
      {error !== '' && <Text className="field__error">{error}</Text>}
      <Text className="console-note">
        {remaining > 0
          ? `今天还可发送 ${remaining} 条。微信消息只发给允许过提醒的志愿者，内容过长会截短。`
          : `今天已发满 ${NOTICES_PER_DAY} 条，明天再发。`}
      </Text>
      <Button
        id="notice-send"
        className="console-button console-button--primary notify-card__send"
        loading={sending}
        disabled={!ready || sending || undefined}
        onClick={send}
      >
        发送{addressed > 0 ? `（${addressed} 人）` : ''}
      </Button>
      {notices.length > 0 && (
        <View className="notify-card__past">
          <Text className="notify-card__subtitle">已发送的通知</Text>
          {notices.map((n) => (
            <View key={n._id} className="notice-item">
              <Text className="notice-item__text">{n.text}</Text>
              <Text className="notice-item__meta">
                {formatTime(n.createdAt)} · {n.from} · 发给{n.audience === 'all' ? '已报名和候补' : '已报名'}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
