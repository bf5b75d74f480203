// The platform admin's review queue: each pending registration with its contact, to verify or reject with a reason.
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { NgoReview } from '../../../core/ngo-api'
import EmptyState from '../../../components/EmptyState'
import LoadFailed from '../../../components/LoadFailed'
import { pendingNgos, rejectNgo, verifyNgo } from '../../../services/ngo'
import '../console.scss'

type State =
  { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; items: NgoReview[] }

export default function AdminPage() {
  const [state, setState] = useState<State>({ phase: 'loading' })
  const [reasons, setReasons] = useState<Record<string, string>>({})

  const load = async () => {
    const result = await pendingNgos()
    setState(
      result.ok ? { phase: 'ready', items: result.data.items } : { phase: 'error', message: result.message },
    )
  }

  useDidShow(() => {
    load()
  })

  const decide = async (ngo: NgoReview, verify: boolean) => {
    const result = verify
      ? await verifyNgo({ ngoId: ngo._id })
      : await rejectNgo({ ngoId: ngo._id, reason: reasons[ngo._id] ?? '' })
    if (!result.ok) return Taro.showToast({ title: result.fields?.reason ?? result.message, icon: 'none' })
    Taro.showToast({ title: verify ? '已认证' : '已驳回', icon: 'success' })
    load()
  }

  if (state.phase === 'loading') return <View className="console">加载中…</View>
  if (state.phase === 'error') return <LoadFailed message={state.message} onRetry={load} />
  if (state.items.length === 0) return <EmptyState icon="✅" title="没有待审核的机构" />

  return (
    <View className="console">
      <Text className="console-title">待审核 · {state.items.length}</Text>
      {state.items.map((ngo) => (
        <View key={ngo._id} className="console-card">
          <Text className="console-title">{ngo.name}</Text>
          <Text className="console-note">
            {ngo.city} · {ngo.causes.join('、')}
          </Text>
          <Text className="console-note">{ngo.intro}</Text>
          <Text className="console-note">
            联系人：{ngo.contactName} {ngo.contactPhone}
          </Text>
          <Input
            className="field__input"
            placeholder="驳回原因（驳回时必填）"
            value={reasons[ngo._id] ?? ''}
            onInput={(e) => setReasons((r) => ({ ...r, [ngo._id]: e.detail.value }))}
          />
          <View className="console-actions">
            <Button className="console-button console-button--danger" onClick={() => decide(ngo, false)}>
              驳回
            </Button>
            <Button className="console-button console-button--primary" onClick={() => decide(ngo, true)}>
              认证通过
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}
