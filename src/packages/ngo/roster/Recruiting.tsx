// How the call recruits, for its organizers: sign-ups by the way volunteers arrived (share card, poster, Moments,
// search, direct) and the volunteers whose shares brought the most people. Loaded on its own, so a slow or failed
// stats request never holds up the roster.
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { CallShareStatsResponse } from '@core/sharing/contract'
import { SIGN_UP_SOURCES } from '@core/model'
import { SOURCE_LABELS } from '@core/sharing/share'
import { callShareStats } from '@services/cloud/api'

type State =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; data: CallShareStatsResponse }

export default function Recruiting({ callId, version }: { callId: string; version: number }) {
  const [state, setState] = useState<State>({ phase: 'loading' })

  useEffect(() => {
    let live = true
    callShareStats({ callId }).then((result) => {
      if (!live) return
      setState(
        result.ok ? { phase: 'ready', data: result.data } : { phase: 'error', message: result.message },
      )
    })
    return () => {
      live = false
    }
  }, [callId, version])

  return (
    <View className="console-card recruiting">
      <Text className="console-title">报名来源</Text>
      {state.phase === 'loading' && <Text className="console-note">加载中…</Text>}
      {state.phase === 'error' && <Text className="console-note">{state.message}</Text>}
      {state.phase === 'ready' && <Figures data={state.data} />}
    </View>
  )
}

function Figures({ data }: { data: CallShareStatsResponse }) {
  if (data.total === 0)
    return <Text className="console-note">还没有报名。分享活动卡片或海报，让志愿者帮你招募。</Text>
  const widest = Math.max(...SIGN_UP_SOURCES.map((s) => data.bySource[s]))
  return (
    <View>
      {SIGN_UP_SOURCES.map((source) => (
        <View key={source} className="recruiting-row">
          <Text className="recruiting-row__label">{SOURCE_LABELS[source]}</Text>
          <View className="recruiting-row__track">
            <View
              className="recruiting-row__bar"
              style={{ width: `${widest ? (data.bySource[source] / widest) * 100 : 0}%` }}
            />
          </View>
          <Text className="recruiting-row__count">{data.bySource[source]}</Text>
        </View>
      ))}
      <Text className="console-note">共 {data.total} 人（不含已取消）</Text>
      <Text className="recruiting-subtitle">招募达人</Text>
      {data.topRecruiters.length === 0 ? (
        <Text className="console-note">还没有志愿者通过分享带来报名</Text>
      ) : (
        data.topRecruiters.map((r, i) => (
          <View key={`${r.name}-${i}`} className="recruiting-recruiter">
            <Text className="recruiting-recruiter__rank">{i + 1}</Text>
            <Text className="recruiting-recruiter__name">{r.name}</Text>
            <Text className="recruiting-recruiter__count">带来 {r.count} 人</Text>
          </View>
        ))
      )}
    </View>
  )
}
