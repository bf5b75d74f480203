// The platform admin's review queue: each pending registration with its contact, to verify or reject with a reason.
import { Button, Image, Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { formatChinaTime } from '@core/shared/china-time'
import type { NgoReview } from '@core/ngos/contract'
import EmptyState from '@components/EmptyState'
import LoadFailed from '@components/LoadFailed'
import { pendingNgos, rejectNgo, verifyNgo } from '@services/ngos/ngo'
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
    // Verifying lets the NGO publish calls that strangers sign up for, under our 已认证 badge: never on one tap.
    if (verify) {
      const { confirm } = await Taro.showModal({
        title: `认证「${ngo.name}」？`,
        content: '认证后该机构可以发布招募，并显示「已认证」标识。请确认已核对联系人、信用代码和登记证书。',
        confirmText: '认证通过',
      })
      if (!confirm) return
    }
    const result = verify
      ? await verifyNgo({ ngoId: ngo._id })
      : await rejectNgo({ ngoId: ngo._id, reason: reasons[ngo._id] ?? '' })
    if (!result.ok) return Taro.showToast({ title: result.fields?.reason ?? result.message, icon: 'none' })
    Taro.showToast({ title: verify ? '已认证' : '已驳回', icon: 'success' })
    load()
  }

  if (state.phase === 'loading') return <View className="console">加载中…</View>
  if (state.phase === 'error') return <LoadFailed message={state.message} onRetry={load} />
  if (state.items.length === 0) return <EmptyState icon="checkCircle" title="没有待审核的机构" />

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
          <View className="review-facts">
            <Fact label="联系人" value={ngo.contactName || '未填写'} />
            <Fact label="联系电话" value={ngo.contactPhone || '未填写'} />
            <Fact
              label="信用代码"
              value={ngo.creditCode ? `${ngo.creditCode}（校验通过）` : '未填写（未登记的草根团体）'}
            />
            <Fact label="申请时间" value={formatChinaTime(ngo.createdAt).slice(0, 16)} />
          </View>
          {ngo.certificate ? (
            <Image
              className="review-certificate"
              src={ngo.certificate}
              mode="widthFix"
              ariaLabel={`${ngo.name}的登记证书`}
              onClick={() => Taro.previewImage({ urls: [ngo.certificate] })}
            />
          ) : (
            <Text className="console-note">未上传登记证书</Text>
          )}
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

/** One fact of a registration, label and value on a line: what the admin checks before verifying. */
function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className="review-fact">
      <Text className="review-fact__label">{label}</Text>
      <Text className="review-fact__value">{value}</Text>
    </View>
  )
}
