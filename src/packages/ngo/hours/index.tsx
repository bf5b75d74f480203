// 工时确认 for one call: each attendee's minutes and hours (rounded by the NGO's rule or set by hand with a
// reason), confirmed by the organizer (only confirmed hours count anywhere), no-shows marked after the end, the
// rule itself, and the NGO's hours export. On a call of several sessions, chips show one session (or all, each row
// saying its session and role): confirming all and marking no-shows then act on the session shown.
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { AttendanceResponse, AttendanceView, HoursStatus } from '@core/attendance/contract'
import LoadFailed from '@components/LoadFailed'
import SlotChips, { sessionChoices } from '@components/SlotChips'
import { formatTimeRange } from '@components/format'
import { attendance, confirmHours, markNoShows } from '@services/attendance/attendance'
import ExportHours from './ExportHours'
import HoursEntry from './HoursEntry'
import HoursRuleCard from './HoursRuleCard'
import '../console.scss'
import './index.scss'

/** waiting for confirmation first, then confirmed, then those without hours */
const HOURS_ORDER: Record<HoursStatus, number> = { recorded: 0, confirmed: 1, none: 2 }

function sortForHours(entries: AttendanceView[]): AttendanceView[] {
  return [...entries].sort((a, b) => HOURS_ORDER[a.hoursStatus] - HOURS_ORDER[b.hoursStatus])
}

type State =
  { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; data: AttendanceResponse }

export default function HoursPage() {
  const [callId, setCallId] = useState('')
  const [state, setState] = useState<State>({ phase: 'loading' })
  const [selected, setSelected] = useState<string[]>([])
  const [busy, setBusy] = useState('')
  // the session shown on a call of several ('' for all); the check-in screen opens this page on its own
  const [sessionId, setSessionId] = useState('')
  const sessionRef = useRef('')

  const load = async (id = callId, session = sessionRef.current) => {
    const result = await attendance(session ? { callId: id, sessionId: session } : { callId: id })
    setState(result.ok ? { phase: 'ready', data: result.data } : { phase: 'error', message: result.message })
  }

  useLoad((params: Record<string, string | undefined>) => {
    setCallId(params.callId ?? '')
    sessionRef.current = params.sessionId ?? ''
    setSessionId(sessionRef.current)
  })
  useDidShow(() => {
    const id = Taro.getCurrentInstance().router?.params.callId ?? callId
    if (id) load(id)
  })

  const chooseSession = (id: string) => {
    sessionRef.current = id
    setSessionId(id)
    setSelected([])
    load(callId, id)
  }

  const toast = (title: string) => Taro.showToast({ title, icon: 'none' })
  const pending =
    state.phase === 'ready' ? state.data.entries.filter((e) => e.hoursStatus === 'recorded').length : 0

  const confirm = async (ids?: string[]) => {
    // nothing waits for confirmation: say so, rather than ask to confirm nothing
    const count = ids ? ids.length : pending
    if (count === 0) return toast(ids ? '请先勾选要确认的人' : '没有待确认的工时：签退后才有时长')
    const { confirm: sure } = await Taro.showModal({
      title: '确认工时',
      content: `确认${ids ? '所选' : '全部'} ${count} 人的工时？确认后计入志愿者的志愿时长，不能再修改。`,
    })
    if (!sure) return
    setBusy('confirm')
    // one session shown: 确认全部 confirms the rows on screen, not the other sessions'
    const shownIds =
      !ids && sessionId && state.phase === 'ready'
        ? state.data.entries.filter((e) => e.hoursStatus === 'recorded').map((e) => e.signUpId)
        : undefined
    const signUpIds = ids ?? shownIds
    const result = await confirmHours(signUpIds ? { callId, signUpIds } : { callId })
    setBusy('')
    toast(result.ok ? `已确认 ${result.data.confirmed} 人的工时` : result.message)
    setSelected([])
    load()
  }

  const noShows = async () => {
    const { confirm: sure } = await Taro.showModal({
      title: '标记缺席',
      content: sessionId
        ? '这一场已报名、但始终没有签到的人将记为缺席（这一场结束后）。'
        : '已报名、但始终没有签到的人将记为缺席。',
    })
    if (!sure) return
    setBusy('no-shows')
    const result = await markNoShows(sessionId ? { callId, sessionId } : { callId })
    setBusy('')
    toast(result.ok ? `已标记 ${result.data.noShows} 人缺席` : result.message)
    load()
  }

  if (state.phase === 'loading') return <View className="console">加载中…</View>
  if (state.phase === 'error') return <LoadFailed message={state.message} onRetry={() => load()} />
  const { call, rule, entries, sessions, currentSessionId } = state.data
  const session = sessions?.find((s) => s.id === sessionId)
  const recorded = entries.filter((e) => e.hoursStatus === 'recorded').length
  const confirmedHours = entries
    .filter((e) => e.hoursStatus === 'confirmed')
    .reduce((sum, e) => sum + (e.hours ?? 0), 0)
  const toggle = (id: string) =>
    setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]))

  return (
    <View className="console hours-page">
      <View className="console-card">
        <Text className="console-title">{call.title}</Text>
        <Text className="console-note">
          {session ? `本场 ${session.label}` : formatTimeRange(call.startAt, call.endAt)}
        </Text>
        <Text className="console-note">
          {`${session ? '本场' : ''}待确认 ${recorded} 人 · 已确认共 ${confirmedHours} 小时`}
        </Text>
      </View>
      {sessions && sessions.length > 1 && (
        <SlotChips
          id="hours-session"
          title="场次"
          choices={[{ id: '', label: '全部场次' }, ...sessionChoices(sessions, currentSessionId)]}
          value={sessionId}
          onChange={chooseSession}
        />
      )}

      <View className="console-card">
        <Text className="console-title">{`工时 · ${entries.length}`}</Text>
        {entries.length === 0 && (
          <Text className="console-note">{session ? '这一场还没有人签到' : '还没有人签到'}</Text>
        )}
        {sortForHours(entries).map((entry) => (
          <HoursEntry
            key={`${entry.signUpId}.${entry.hours}.${entry.hoursStatus}`}
            callId={callId}
            entry={entry}
            // every session listed: each row says which; one session shown: the role is enough
            slot={session ? entry.role : [entry.session, entry.role].filter(Boolean).join(' · ')}
            selected={selected.includes(entry.signUpId)}
            onSelect={() => toggle(entry.signUpId)}
            onChange={() => load()}
          />
        ))}
        <View className="console-actions">
          <Button
            className="console-button"
            disabled={selected.length === 0 || undefined}
            loading={busy === 'confirm' && selected.length > 0}
            onClick={() => confirm(selected)}
          >
            {/* one string: in the browser Taro put a second text node before the first (「 1 人确认所选」) */}
            {`确认所选${selected.length > 0 ? ` ${selected.length} 人` : ''}`}
          </Button>
          <Button
            id="confirm-all-hours"
            className="console-button console-button--primary"
            disabled={recorded === 0 || undefined}
            loading={busy === 'confirm' && selected.length === 0}
            onClick={() => confirm()}
          >
            确认全部工时
          </Button>
        </View>
        <Button
          className="console-button console-button--danger hours-page__no-shows"
          loading={busy === 'no-shows'}
          onClick={noShows}
        >
          {session ? '标记本场缺席（本场结束后）' : '标记缺席（活动结束后）'}
        </Button>
      </View>

      <HoursRuleCard
        key={`${rule.zeroBelow}.${rule.halfBelow}`}
        ngoId={call.ngoId}
        rule={rule}
        onChange={() => load()}
      />
      <ExportHours ngoId={call.ngoId} />
    </View>
  )
}
