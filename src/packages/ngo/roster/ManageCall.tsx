// What an organizer does with a published call: edit time, place and capacity, stop sign-ups, or cancel it
// (every volunteer is told, with the reason given here).
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { CallStatus } from '@core/model'
import { REASON_MAX_LENGTH } from '@core/calls/validate'
import { cancelCall, closeCall } from '@services/cloud/api'

interface Props {
  callId: string
  status: CallStatus
  onChange: () => void
}

export default function ManageCall({ callId, status, onChange }: Props) {
  const [reason, setReason] = useState('')
  if (status === 'cancelled') return <Text className="console-banner console-banner--danger">活动已取消</Text>

  const close = async () => {
    const { confirm } = await Taro.showModal({
      title: '停止报名',
      content: '停止后不再接受新的报名，已报名的保留。',
    })
    if (!confirm) return
    const result = await closeCall({ callId })
    Taro.showToast({ title: result.ok ? '已停止报名' : result.message, icon: 'none' })
    onChange()
  }

  const cancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消活动',
      content: '所有已报名和候补的志愿者都会收到取消通知，此操作不能撤销。',
    })
    if (!confirm) return
    const result = await cancelCall(reason.trim() ? { callId, reason: reason.trim() } : { callId })
    Taro.showToast({
      title: result.ok ? `已取消，已通知 ${result.data.notified} 位志愿者` : result.message,
      icon: 'none',
    })
    onChange()
  }

  return (
    <View className="console-card manage-call">
      <Text className="console-title">管理活动</Text>
      <View className="console-actions">
        <Button
          className="console-button"
          onClick={() => Taro.navigateTo({ url: `/packages/ngo/call-editor/index?id=${callId}` })}
        >
          修改时间地点
        </Button>
        {status === 'open' && (
          <Button className="console-button" onClick={close}>
            停止报名
          </Button>
        )}
      </View>
      <Input
        id="cancel-reason"
        className="field__input"
        maxlength={REASON_MAX_LENGTH}
        placeholder="取消原因（会告诉志愿者，选填）"
        value={reason}
        onInput={(e) => setReason(e.detail.value)}
      />
      <Button className="console-button console-button--danger" onClick={cancel}>
        取消活动
      </Button>
    </View>
  )
}
