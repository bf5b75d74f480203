// A call's roster for its organizers: counts on top, tabs (已报名 / 候补 / 已取消 / 临时退出), each volunteer's
// full phone number and answers, and the Excel export.
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { useState } from 'react'
import type { RosterResponse, RosterTab } from '@core/calls/contract'
import { ROSTER_TABS } from '@core/calls/roster'
import LoadFailed from '@components/LoadFailed'
import { formatTime } from '@components/format'
import { exportRoster, roster } from '@services/ngos/ngo'
import ManageCall from './ManageCall'
import NotifyCard from './NotifyCard'
import Recruiting from './Recruiting'
import { openExport } from './open-export'
import '../console.scss'
import './index.scss'

type State =
  { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; data: RosterResponse }

export default function RosterPage() {
  const [callId, setCallId] = useState('')
  const [state, setState] = useState<State>({ phase: 'loading' })
  const [tab, setTab] = useState<RosterTab>('confirmed')
  const [exporting, setExporting] = useState(false)
  const [loads, setLoads] = useState(0)

  const load = async (id = callId) => {
    const result = await roster({ callId: id })
    setLoads((n) => n + 1)
    setState(result.ok ? { phase: 'ready', data: result.data } : { phase: 'error', message: result.message })
  }

  useLoad((params: Record<string, string | undefined>) => setCallId(params.id ?? ''))
  // read again whenever shown: the editor may have changed the call meanwhile
  useDidShow(() => {
    const id = Taro.getCurrentInstance().router?.params.id ?? callId
    if (id) load(id)
  })

  const download = async () => {
    setExporting(true)
    const result = await exportRoster({ callId })
    setExporting(false)
    if (!result.ok) return Taro.showToast({ title: result.message, icon: 'none' })
    try {
      await openExport(result.data.url, result.data.fileName)
    } catch {
      Taro.showToast({ title: '文件打开失败，请重试', icon: 'none' })
    }
  }

  if (state.phase === 'loading') return <View className="console">加载中…</View>
  if (state.phase === 'error') return <LoadFailed message={state.message} onRetry={() => load()} />
  const { call, counts, entries } = state.data
  const shown = entries.filter((e) => e.tab === tab)

  return (
    <View className="console">
      <View className="console-card">
        <Text className="console-title">{call.title}</Text>
        <Text className="console-note">
          {formatTime(call.startAt)} · 名额 {call.capacity} · 已报名 {counts.confirmed} · 候补{' '}
          {counts.waitlisted}
        </Text>
      </View>
      <View className="roster-tabs">
        {ROSTER_TABS.map((t) => (
          <Text
            key={t.tab}
            className={`roster-tab ${t.tab === tab ? 'roster-tab--on' : ''}`}
            onClick={() => setTab(t.tab)}
          >
            {t.label} {counts[t.tab]}
          </Text>
        ))}
      </View>
      <View className="console-card">
        {shown.length === 0 && <Text className="console-note">这里还没有人</Text>}
        {shown.map((entry) => (
          <View key={entry._id} className="roster-entry">
            <View className="roster-entry__head">
              <Text className="roster-entry__name">
                {entry.waitRank ? `${entry.waitRank}. ` : ''}
                {entry.name}
              </Text>
              {entry.phone !== '' && ( // none for a volunteer who deleted their data
                <Text
                  className="roster-entry__phone"
                  onClick={() => Taro.makePhoneCall({ phoneNumber: entry.phone }).catch(() => undefined)}
                >
                  {entry.phone}
                </Text>
              )}
            </View>
            {call.questions.map((q) => {
              const answer = entry.answers[q.id]
              if (answer === undefined) return null
              return (
                <Text key={q.id} className="console-note">
                  {answerLine(q.title, Array.isArray(answer) ? answer.join('、') : answer)}
                </Text>
              )
            })}
          </View>
        ))}
      </View>
      <Button className="console-button console-button--primary" loading={exporting} onClick={download}>
        导出 Excel
      </Button>
      {call.status !== 'cancelled' && (
        <Button
          className="console-button roster-checkin"
          onClick={() => Taro.navigateTo({ url: `/packages/ngo/checkin/index?callId=${call._id}` })}
        >
          现场签到与工时
        </Button>
      )}
      <NotifyCard callId={call._id} status={call.status} entries={entries} />
      <Recruiting callId={call._id} version={loads} />
      <ManageCall callId={call._id} status={call.status} onChange={() => load()} />
    </View>
  )
}

/** 「衣服尺码：M」, but a question keeps its own mark: 「是否参加过植树活动？ 参加过」, not 「…？：参加过」. */
function answerLine(title: string, answer: string): string {
  return /[？?：:]$/.test(title) ? `${title} ${answer}` : `${title}：${answer}`
}
