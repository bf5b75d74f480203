// An NGO's profile: who they are, what they have done in numbers, their open calls and their past ones.
import { Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import type { CallCard as Card } from '@core/calls/contract'
import type { NgoProfile } from '@core/ngos/contract'
import CallCard from '@components/CallCard'
import LoadFailed from '@components/LoadFailed'
import { getNgo } from '@services/ngos/ngo'
import VerifyEntry from '@components/VerifyEntry'
import '../console.scss'
import '../directory/index.scss'
import './index.scss'

type State = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; data: NgoProfile }

export default function ProfilePage() {
  const [ngoId, setNgoId] = useState('')
  const [state, setState] = useState<State>({ phase: 'loading' })

  const load = async (id = ngoId) => {
    const result = await getNgo({ ngoId: id })
    setState(result.ok ? { phase: 'ready', data: result.data } : { phase: 'error', message: result.message })
  }

  useLoad((params: Record<string, string | undefined>) => {
    setNgoId(params.id ?? '')
    load(params.id ?? '')
  })

  if (state.phase === 'loading') return <View className="console">加载中…</View>
  if (state.phase === 'error') return <LoadFailed message={state.message} onRetry={() => load()} />
  const { ngo, openCalls, pastCalls, figures } = state.data
  const open = (call: Card) => Taro.navigateTo({ url: `/pages/call-detail/index?id=${call._id}` })

  return (
    <View className="console">
      <View className="console-card">
        <Text className="console-title">
          {ngo.name}
          {ngo.verified && <Text className="verified-badge">已认证</Text>}
        </Text>
        <Text className="console-note">
          {ngo.city} · {ngo.causes.join('、')}
        </Text>
        <Text className="console-note profile-intro">{ngo.intro}</Text>
      </View>
      <View className="console-card profile-figures">
        <Figure value={figures.callsHeld} label="举办活动" />
        <Figure value={figures.volunteers} label="动员志愿者" />
        <Figure value={figures.hours} label="服务时长（小时）" />
      </View>
      <Text className="console-title">正在招募 · {openCalls.length}</Text>
      {openCalls.length === 0 && <Text className="console-note">暂时没有招募中的活动</Text>}
      {openCalls.map((call) => (
        <CallCard key={call._id} call={call} onOpen={open} />
      ))}
      {pastCalls.length > 0 && (
        <Text className="console-title profile-past">往期活动 · {pastCalls.length}</Text>
      )}
      {pastCalls.map((call) => (
        <CallCard key={call._id} call={call} onOpen={open} />
      ))}
      <VerifyEntry hint="核验本机构签发的志愿服务证明" />
    </View>
  )
}

function Figure({ value, label }: { value: number; label: string }) {
  return (
    <View className="profile-figure">
      <Text className="profile-figure__value">{value}</Text>
      <Text className="profile-figure__label">{label}</Text>
    </View>
  )
}
