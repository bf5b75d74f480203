// The organizer's check-in screen for one call: the rotating QR (签到 / 签退), live counts, the list with check-in
// and check-out by hand, a volunteer's personal code scanned (or pasted in the browser), walk-ins, and 全部签退
// at the end. The list reads itself again every few seconds while the screen is open. On a call of several sessions
// the screen shows one session (chosen with chips; it opens on the one running now or next): its code, its list, its
// scans, walk-ins (with their role), 全部签退 and 工时确认. With no network it turns to the roster kept on this
// phone (OfflineCheckIn) and sends what it recorded once a request succeeds again, showing any conflicts.
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useLoad, useUnload } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type {
  AttendanceMode,
  AttendanceResponse,
  AttendanceView,
  SyncConflict,
} from '@core/attendance/contract'
import { offlineBanner } from '@core/attendance/offline'
import { PASS_MAX_LENGTH } from '@core/attendance/offline-pass'
import LoadFailed from '@components/LoadFailed'
import SlotChips, { sessionChoices } from '@components/SlotChips'
import { asButton } from '@components/a11y'
import { formatTimeRange } from '@components/format'
import { addWalkIn, attendance, checkOutAll, markAttendance } from '@services/attendance/attendance'
import { CAN_SCAN, keepScreenOn, scanQrCode } from '@services/attendance/attendance-scan'
import { downloadRoster, pendingCount, rosterFor, syncQueue } from '@services/attendance/offline'
import { isNetworkFailure } from '@services/cloud/api'
import OfflineCheckIn from './OfflineCheckIn'
import CodePanel from './CodePanel'
import { clockTime, nextMark, presenceText } from './attendee'
import '../console.scss'
import './index.scss'

const LIST_REFRESH_MS = 5_000

type State =
  { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; data: AttendanceResponse }

export default function CheckInPage() {
  const [callId, setCallId] = useState('')
  const [state, setState] = useState<State>({ phase: 'loading' })
  const [mode, setMode] = useState<AttendanceMode>('in')
  const [shown, setShown] = useState(true)
  const [busy, setBusy] = useState('')
  const [pasted, setPasted] = useState('')
  const [walkInName, setWalkInName] = useState('')
  const [walkInPhone, setWalkInPhone] = useState('')
  const [walkInRole, setWalkInRole] = useState('')
  // the session shown, on a call of several ('' until the first read names one, and on a call of one)
  const [sessionId, setSessionId] = useState('')
  const callIdRef = useRef('')
  const sessionRef = useRef('')
  // no network: the kept roster takes over until a request succeeds
  const [offline, setOffline] = useState(false)
  const [pending, setPending] = useState(pendingCount)
  const [conflicts, setConflicts] = useState<SyncConflict[]>([])
  const [, setRosterTick] = useState(0)
  const syncing = useRef(false)

  /** Sends what this phone recorded offline; the list reads again after. */
  const sync = async (): Promise<void> => {
    if (syncing.current || pendingCount() === 0) return
    syncing.current = true
    const report = await syncQueue()
    syncing.current = false
    setPending(pendingCount())
    if (report.offline) return setOffline(true)
    if (report.conflicts.length > 0) setConflicts((seen) => [...seen, ...report.conflicts])
    if (report.sent > 0) Taro.showToast({ title: `已同步 ${report.sent} 条离线记录`, icon: 'none' })
    if (report.error) Taro.showToast({ title: report.error, icon: 'none' })
    reload.current()
  }

  const load = async (): Promise<void> => {
    if (!callIdRef.current) return
    const asked = sessionRef.current
    const result = await attendance(
      asked ? { callId: callIdRef.current, sessionId: asked } : { callId: callIdRef.current },
    )
    // another session was chosen meanwhile: its own read answers
    if (sessionRef.current !== asked) return
    if (!result.ok && isNetworkFailure(result)) return setOffline(true)
    setOffline(false)
    if (pendingCount() > 0) sync()
    if (!result.ok) {
      // a passing failure while the list is up keeps the list; only the first read shows the error page
      setState((s) => (s.phase === 'ready' ? s : { phase: 'error', message: result.message }))
      return
    }
    const { sessions, currentSessionId } = result.data
    if (asked || !sessions?.length) {
      setState({ phase: 'ready', data: result.data })
      return
    }
    // a call of several sessions, first read: open on the one the function picks (running now, else next)
    const pick = sessions.find((s) => s.id === currentSessionId) ?? sessions[0]
    sessionRef.current = pick.id
    setSessionId(pick.id)
    reload.current()
  }
  const reload = useRef(load)
  reload.current = load

  const chooseSession = (id: string) => {
    sessionRef.current = id
    setSessionId(id)
    setWalkInRole('')
    load()
  }
  /** what every action on the list carries on a call of several sessions */
  const inSession = sessionId ? { sessionId } : {}

  useLoad((params: Record<string, string | undefined>) => {
    callIdRef.current = params.callId ?? ''
    setCallId(callIdRef.current)
    load()
  })
  useDidShow(() => {
    setShown(true)
    // the screen must not dim while people scan it
    keepScreenOn()
  })
  useDidHide(() => setShown(false))
  useUnload(() => setShown(false))

  useEffect(() => {
    if (!shown || !callId) return
    // through the ref: each tick reads with the latest state (the session, whether offline)
    const timer = setInterval(() => reload.current(), LIST_REFRESH_MS)
    return () => clearInterval(timer)
  }, [shown, callId])

  const toast = (title: string) => Taro.showToast({ title, icon: 'none' })

  const mark = async (entry: AttendanceView, how: AttendanceMode) => {
    setBusy(entry.signUpId)
    const result = await markAttendance({ callId, mode: how, signUpId: entry.signUpId, ...inSession })
    setBusy('')
    if (isNetworkFailure(result)) return goOffline()
    toast(result.ok ? `${entry.name} ${how === 'in' ? '已签到' : '已签退'}` : result.message)
    load()
  }

  const verify = async (personalCode: string) => {
    if (!personalCode.trim()) return toast('请先粘贴志愿者的签到码')
    setBusy('verify')
    const result = await markAttendance({ callId, mode, personalCode: personalCode.trim(), ...inSession })
    setBusy('')
    if (isNetworkFailure(result)) return goOffline()
    if (!result.ok) return toast(result.message)
    setPasted('')
    toast(`${result.data.attendance.name} ${mode === 'in' ? '已签到' : '已签退'}`)
    load()
  }

  const scan = async () => {
    const text = await scanQrCode()
    if (text) verify(text)
  }

  const goOffline = () => {
    setOffline(true)
    toast(rosterFor(callId, sessionId) ? '没有网络，已转为离线签到' : '没有网络，且没有下载本场名单')
  }

  const download = async () => {
    setBusy('download')
    const result = await downloadRoster(callId, sessionId)
    setBusy('')
    setRosterTick((t) => t + 1)
    toast(result.ok ? `已下载 ${result.roster.people.length} 人的名单，没有网络也能签到` : result.message)
  }

  const modes = (
    <View className="checkin-modes">
      {(['in', 'out'] as const).map((m) => (
        <Text
          key={m}
          id={`mode-${m}`}
          className={`checkin-mode ${m === mode ? 'checkin-mode--on' : ''}`}
          onClick={() => setMode(m)}
          {...asButton(m === 'in' ? '签到码' : '签退码', { pressed: m === mode, namedByContent: true })}
        >
          {m === 'in' ? '签到' : '签退'}
        </Text>
      ))}
    </View>
  )

  const walkIn = async () => {
    if (!walkInName.trim() || !walkInPhone.trim()) return toast('请填写姓名和手机号')
    setBusy('walk-in')
    const result = await addWalkIn({
      callId,
      name: walkInName.trim(),
      phone: walkInPhone.trim(),
      ...inSession,
      ...(walkInRole ? { roleId: walkInRole } : {}),
    })
    setBusy('')
    if (!result.ok) return toast(result.message)
    setWalkInName('')
    setWalkInPhone('')
    toast(`${result.data.attendance.name} 已签到（现场报名）`)
    load()
  }

  const outAll = async () => {
    const label = shownSession()?.label
    const { confirm } = await Taro.showModal({
      title: '全部签退',
      content: `${label ? `${label} 这一场` : ''}所有已签到、尚未签退的人都以现在的时间签退，并按规则计算时长。`,
    })
    if (!confirm) return
    setBusy('all')
    const result = await checkOutAll({ callId, ...inSession })
    setBusy('')
    toast(result.ok ? `已签退 ${result.data.checkedOut} 人` : result.message)
    load()
  }

  function shownSession() {
    return state.phase === 'ready' ? state.data.sessions?.find((s) => s.id === sessionId) : undefined
  }

  if (offline) {
    return (
      <View className="console checkin-page">
        {modes}
        <OfflineCheckIn
          roster={rosterFor(callId, sessionId)}
          mode={mode}
          pending={pending}
          onRecorded={() => setPending(pendingCount())}
        />
      </View>
    )
  }
  if (state.phase === 'loading') return <View className="console">加载中…</View>
  if (state.phase === 'error') return <LoadFailed message={state.message} onRetry={load} />
  const { call, counts, entries, sessions, currentSessionId, roles } = state.data
  const session = shownSession()

  return (
    <View className="console checkin-page">
      <View className="console-card">
        <Text className="console-title">{call.title}</Text>
        <Text className="console-note">
          {session
            ? `本场 ${session.label}${session.cancelled ? '（已取消）' : ''}`
            : formatTimeRange(call.startAt, call.endAt)}
        </Text>
      </View>
      {sessions && sessions.length > 1 && (
        <SlotChips
          id="checkin-session"
          title={`场次 · 共 ${sessions.length} 场`}
          choices={sessionChoices(sessions, currentSessionId)}
          value={sessionId}
          onChange={chooseSession}
        />
      )}
      {modes}
      <CodePanel callId={callId} mode={mode} sessionId={sessionId} active={shown} />
      <View className="console-card checkin-counts">
        <Count label="应到" value={counts.expected} />
        <Count label="已签到" value={counts.checkedIn} />
        <Count label="已签退" value={counts.checkedOut} />
        <Count label="现场报名" value={counts.walkIns} />
      </View>

      <View className="console-card">
        <Text className="console-title">扫码核验</Text>
        {CAN_SCAN ? (
          <Button
            className="console-button console-button--primary"
            loading={busy === 'verify'}
            onClick={scan}
          >
            扫志愿者的签到码（{mode === 'in' ? '签到' : '签退'}）
          </Button>
        ) : (
          <View className="checkin-inline">
            <Input
              id="personal-code"
              maxlength={PASS_MAX_LENGTH}
              className="field__input"
              placeholder="粘贴志愿者「我的签到码」的内容"
              value={pasted}
              onInput={(e) => setPasted(e.detail.value)}
            />
            <Button className="console-button" loading={busy === 'verify'} onClick={() => verify(pasted)}>
              核验{mode === 'in' ? '签到' : '签退'}
            </Button>
          </View>
        )}
      </View>

      <OfflineCard
        saved={rosterFor(callId, sessionId)?.downloadedAt}
        pending={pending}
        conflicts={conflicts}
        busy={busy === 'download'}
        onDownload={download}
        onDismiss={() => setConflicts([])}
      />

      <View className="console-card">
        <Text className="console-title">{`${session ? '本场名单' : '名单'} · ${entries.length}`}</Text>
        {entries.length === 0 && (
          <Text className="console-note">{session ? '这一场还没有已确认的报名' : '还没有已确认的报名'}</Text>
        )}
        {entries.map((entry) => {
          const next = nextMark(entry)
          return (
            <View key={entry.signUpId} id={`attendee-${entry.signUpId}`} className="attendee">
              <View className="attendee__who">
                <Text className="attendee__name">
                  {entry.name}
                  {entry.walkIn && <Text className="attendee__tag">现场</Text>}
                </Text>
                <Text className="console-note">
                  {entry.role ? `${entry.phone} · ${entry.role}` : entry.phone}
                </Text>
                {entry.companions && (
                  <Text className="console-note attendee__companions">
                    {`共 ${entry.companions.length + 1} 人，一起签到签退：${entry.companions
                      .map((c) => (c.kind === 'child' ? `${c.name}（儿童 ${c.age ?? '?'} 岁）` : c.name))
                      .join('、')}`}
                  </Text>
                )}
              </View>
              <Text className={`attendee__presence attendee__presence--${entry.status}`}>
                {presenceText(entry)}
              </Text>
              {next && (
                <Text
                  className={`attendee__action ${busy === entry.signUpId ? 'attendee__action--busy' : ''}`}
                  onClick={() => busy !== entry.signUpId && mark(entry, next)}
                >
                  {next === 'in' ? '手动签到' : '手动签退'}
                </Text>
              )}
            </View>
          )
        })}
      </View>

      <View className="console-card checkin-walk-in">
        <Text className="console-title">添加现场报名</Text>
        <Text className="console-note">
          {`没有在线报名、到了现场的人：记下姓名和手机号，即刻签到${session ? '到这一场' : ''}（不占名额）。`}
        </Text>
        {roles && roles.length > 1 && (
          <SlotChips
            id="walk-in-role"
            plain
            title="岗位"
            choices={roles.map((r) => ({ id: r.id, label: r.name }))}
            value={walkInRole || roles[0].id}
            onChange={setWalkInRole}
          />
        )}
        <Input
          id="walk-in-name"
          className="field__input"
          placeholder="姓名"
          maxlength={20}
          value={walkInName}
          onInput={(e) => setWalkInName(e.detail.value)}
        />
        <Input
          id="walk-in-phone"
          className="field__input"
          type="number"
          placeholder="手机号"
          maxlength={11}
          value={walkInPhone}
          onInput={(e) => setWalkInPhone(e.detail.value)}
        />
        <Button className="console-button" loading={busy === 'walk-in'} onClick={walkIn}>
          添加并签到
        </Button>
      </View>

      <View className="console-actions">
        <Button
          className="console-button console-button--primary"
          onClick={() =>
            Taro.navigateTo({
              url: `/packages/ngo/hours/index?callId=${callId}${sessionId ? `&sessionId=${sessionId}` : ''}`,
            })
          }
        >
          工时确认
        </Button>
        <Button className="console-button console-button--danger" loading={busy === 'all'} onClick={outAll}>
          全部签退
        </Button>
      </View>
    </View>
  )
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <View className="checkin-count">
      <Text className="checkin-count__value">{value}</Text>
      <Text className="checkin-count__label">{label}</Text>
    </View>
  )
}

/** Getting ready for a site with no signal, and what the last sync reported. */
function OfflineCard(props: {
  saved: number | undefined
  pending: number
  conflicts: SyncConflict[]
  busy: boolean
  onDownload: () => void
  onDismiss: () => void
}) {
  return (
    <View className="console-card" id="offline-card">
      <Text className="console-title">离线签到</Text>
      {props.pending > 0 && (
        <View role="status">
          <Text className="console-note" id="offline-banner">
            {`${offlineBanner(props.pending)}（正在同步）`}
          </Text>
        </View>
      )}
      {props.conflicts.length > 0 && (
        <View id="offline-conflicts" role="alert">
          <Text className="console-note">同步时发现以下情况，请核对：</Text>
          {props.conflicts.map((c) => (
            <Text key={c.recordId} className="console-note checkin-conflict">
              {c.message}
            </Text>
          ))}
          <Text className="attendee__action" onClick={props.onDismiss} {...asButton('知道了')}>
            知道了
          </Text>
        </View>
      )}
      <Text className="console-note">
        {props.saved
          ? `本场名单已存在这台手机上（${clockTime(props.saved)} 下载）：现场没有网络也能扫码、手动签到，联网后自动同步。`
          : '现场信号不好？提前下载本场名单，没有网络也能扫志愿者的签到码、手动签到，联网后自动同步。'}
      </Text>
      <Button
        className="console-button"
        id="offline-download"
        loading={props.busy}
        onClick={props.onDownload}
      >
        {props.saved ? '重新下载本场名单' : '下载本场名单'}
      </Button>
    </View>
  )
}
