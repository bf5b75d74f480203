// The organizer's console: the NGO's review status, its calls (drafts included) and the way to post a new one.
// Someone who manages no NGO is sent to registration. A call of several sessions says how many and the places left
// over them (「3 个批次 · 还剩 42 个名额」) and opens its sessions (场次) in the editor.
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { CALL_PHASE_TEXT, callPhase, consoleOrder } from '@core/calls/call-phase'
import type { MyNgoResponse } from '@core/ngos/contract'
import LoadFailed from '@components/LoadFailed'
import { formatTime } from '@components/format'
import { asButton } from '@components/a11y'
import { myNgo } from '@services/ngos/ngo'
import Team from './Team'
import '../console.scss'

type State =
  { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; data: MyNgoResponse }

export default function DashboardPage() {
  const [state, setState] = useState<State>({ phase: 'loading' })

  const load = async () => {
    const result = await myNgo()
    if (result.ok) setState({ phase: 'ready', data: result.data })
    else setState({ phase: 'error', message: result.message })
  }

  useDidShow(() => {
    load()
  })

  if (state.phase === 'loading') return <View className="console">加载中…</View>
  if (state.phase === 'error') return <LoadFailed message={state.message} onRetry={load} />
  const { ngo } = state.data
  const now = Date.now()
  const calls = consoleOrder(state.data.calls, now)
  const go = (url: string) => Taro.navigateTo({ url })

  if (!ngo) {
    return (
      <View className="console">
        <View className="console-card">
          <Text className="console-title">还没有机构</Text>
          <Text className="console-note">
            登记你的公益机构，审核通过后就能在这里发布志愿活动、查看报名名单。
          </Text>
          <View className="console-actions">
            <Button
              className="console-button console-button--primary"
              onClick={() => go('/packages/ngo/register/index')}
            >
              登记机构
            </Button>
            <Button className="console-button" onClick={() => go('/packages/ngo/join/index')}>
              我有邀请码
            </Button>
          </View>
        </View>
      </View>
    )
  }

  return (
    <View className="console">
      {ngo.status === 'pending' && (
        <Text className="console-banner console-banner--warn">
          机构审核中：可以先编辑活动草稿，通过认证后才能发布。
        </Text>
      )}
      {ngo.status === 'rejected' && (
        <Text className="console-banner console-banner--danger">
          审核未通过：{ngo.rejectReason ?? '请修改后重新提交'}
        </Text>
      )}
      {ngo.status === 'suspended' && (
        <Text className="console-banner console-banner--danger">机构已被暂停，活动暂不对外展示。</Text>
      )}
      <View className="console-card">
        <Text className="console-title">
          {ngo.name}
          {ngo.verified ? ' · 已认证' : ''}
        </Text>
        <Text className="console-note">
          {ngo.city} · {ngo.causes.join('、')} · 组织者 {ngo.organizers} 人
        </Text>
        {ngo.status === 'rejected' && ngo.isOwner && (
          <View className="console-actions">
            <Button className="console-button" onClick={() => go('/packages/ngo/register/index')}>
              修改后重新提交
            </Button>
          </View>
        )}
      </View>
      <Team ngo={ngo} onChange={load} />
      <View className="console-card">
        <Text className="console-title">活动 · {calls.length}</Text>
        {calls.length === 0 && <Text className="console-note">还没有活动，发布第一个吧。</Text>}
        {calls.map((call) => (
          <View key={call._id} className="console-row console-call">
            <View className="console-call__main">
              <Text className="console-call-title">{call.title}</Text>
              <Text className="console-note">
                {CALL_PHASE_TEXT[callPhase(call, now)]} · {formatTime(call.startAt)} · 已报名 {call.confirmed}
                /{call.capacity}
              </Text>
              {call.places && <Text className="console-note console-call-places">{call.places}</Text>}
            </View>
            {call.status === 'draft' ? (
              <Text
                className="console-link"
                onClick={() => go(`/packages/ngo/call-editor/index?id=${call._id}`)}
                {...asButton(`编辑「${call.title}」`)}
              >
                编辑
              </Text>
            ) : (
              <View className="console-links">
                {call.status !== 'cancelled' && (call.sessionCount ?? 1) > 1 && (
                  <Text
                    className="console-link"
                    onClick={() => go(`/packages/ngo/call-editor/index?id=${call._id}`)}
                    {...asButton(`「${call.title}」的场次`)}
                  >
                    场次
                  </Text>
                )}
                <Text
                  className="console-link"
                  onClick={() => go(`/packages/ngo/roster/index?id=${call._id}`)}
                  {...asButton(`「${call.title}」的名单`)}
                >
                  名单
                </Text>
                {call.status !== 'cancelled' && (
                  <Text
                    className="console-link"
                    onClick={() => go(`/packages/ngo/checkin/index?callId=${call._id}`)}
                    {...asButton(`「${call.title}」签到`)}
                  >
                    签到
                  </Text>
                )}
              </View>
            )}
          </View>
        ))}
        <View className="console-actions">
          <Button
            className="console-button console-button--primary"
            onClick={() => go(`/packages/ngo/call-editor/index?ngoId=${ngo._id}`)}
          >
            发布新活动
          </Button>
        </View>
      </View>
    </View>
  )
}
