// 我的: the volunteer's sign-ups, 即将参加 first, then 已结束; each opens its call, upcoming ones can be cancelled.
// On a call of several slots each slot held is its own row, named by its session (and role).
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { MySignUp, MySignUpsResponse } from '@core/calls/contract'
import { canCancel } from '@core/calls/rules'
import CalendarButton from '@components/CalendarButton'
import CallCover from '@components/CallCover'
import EmptyState from '@components/EmptyState'
import { asButton } from '@components/a11y'
import LoadFailed from '@components/LoadFailed'
import OrganizerEntry from '@components/OrganizerEntry'
import PersonaChip from '@components/PersonaChip'
import StatusTag from '@components/StatusTag'
import { confirmAndCancel } from '@components/cancel-sign-up'
import { formatTime } from '@components/format'
import { getCall, myRecruits, mySignUps } from '@services/cloud/api'
import { refreshPasses } from '@services/attendance/offline-passes'
import ShareRecruits from '@components/ShareRecruits'
import AttendanceEntry from '@components/AttendanceEntry'
import VerifyEntry from '@components/VerifyEntry'
import PrivacyEntry from '@components/PrivacyEntry'
import { scanToCheckIn } from '@components/AttendanceEntry/scan-to-check-in'
import { isCheckInOpen } from '@core/attendance/attendance'
import { isAnonymous, SIGN_IN_HINT } from '@services/cloud/session'
import './index.scss'

type State =
  | { phase: 'loading' }
  | { phase: 'anonymous' }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; data: MySignUpsResponse }

export default function MinePage() {
  const [state, setState] = useState<State>({ phase: 'loading' })
  /** the sign-up being given back (its id) */
  const [cancelling, setCancelling] = useState('')
  const [recruits, setRecruits] = useState(0)

  const load = async () => {
    if (isAnonymous()) return setState({ phase: 'anonymous' })
    const [result, recruited] = await Promise.all([mySignUps(), myRecruits()])
    if (recruited.ok) setRecruits(recruited.data.count)
    if (result.ok) {
      setState({ phase: 'ready', data: result.data })
      // a session within the week: keep its offline pass now, while there is signal (我的签到码 shows it)
      const soon = Date.now() + 7 * 86_400_000
      if (result.data.upcoming.some((item) => (item.session ?? item.call).startAt < soon)) refreshPasses()
    } else if (result.code === 'UNAUTHENTICATED') setState({ phase: 'anonymous' })
    else setState({ phase: 'error', message: result.message })
  }

  // a tab page stays mounted: read again each time it is shown (a sign-up may have happened meanwhile)
  useDidShow(() => {
    load()
  })
  usePullDownRefresh(async () => {
    await load()
    Taro.stopPullDownRefresh()
  })

  const browse = () => Taro.switchTab({ url: '/pages/calls/index' })

  const cancel = async (item: MySignUp) => {
    // the dialog must know the call's cancellation cutoff and the sign-up as it is now (a waitlisted one may
    // have been promoted since the list was read): read the call first
    setCancelling(item.signUp._id)
    const detail = await getCall({ callId: item.call._id })
    setCancelling('')
    if (!detail.ok) {
      Taro.showToast({ title: detail.message, icon: 'none' })
      return
    }
    // a slot's row gives back that slot only
    const slot = item.slotLabel !== undefined ? item.signUp.slot : undefined
    const cancelled = await confirmAndCancel(detail.data, () => setCancelling(item.signUp._id), slot)
    setCancelling('')
    if (cancelled) load()
  }

  if (state.phase === 'error') {
    return (
      <View className="mine-page">
        <LoadFailed message={state.message} onRetry={load} />
      </View>
    )
  }

  let body
  if (state.phase === 'loading') body = <View className="mine-page__loading">加载中…</View>
  else if (state.phase === 'anonymous') {
    body = (
      <EmptyState
        icon="lock"
        title="登录后查看我的报名"
        description={SIGN_IN_HINT}
        actionText="先逛逛活动"
        onAction={browse}
      />
    )
  } else if (state.data.upcoming.length === 0 && state.data.past.length === 0) {
    body = (
      <EmptyState
        icon="hand"
        title="还没有报名任何活动"
        description="找一个离你近的活动，举手参加吧"
        actionText="去看看志愿活动"
        onAction={browse}
      />
    )
  } else {
    body = (
      <View>
        <Section title="即将参加" items={state.data.upcoming} cancelling={cancelling} onCancel={cancel} />
        <Section title="已结束" items={state.data.past} cancelling={cancelling} />
      </View>
    )
  }

  return (
    <View className="mine-page">
      {state.phase === 'ready' && <ShareRecruits count={recruits} />}
      {state.phase === 'ready' && <AttendanceEntry />}
      {body}
      {state.phase !== 'anonymous' && <OrganizerEntry />}
      <VerifyEntry />
      {state.phase !== 'anonymous' && <PrivacyEntry />}
      <PersonaChip />
    </View>
  )
}

interface SectionProps {
  title: string
  items: MySignUp[]
  cancelling: string
  onCancel?: (item: MySignUp) => void
}

function Section({ title, items, cancelling, onCancel }: SectionProps) {
  if (items.length === 0) return null
  return (
    <View className="mine-section">
      <Text className="mine-section__title">
        {title} · {items.length}
      </Text>
      {items.map((item) => (
        <SignUpRow
          key={item.signUp._id}
          item={item}
          cancelling={cancelling === item.signUp._id}
          onCancel={onCancel}
        />
      ))}
    </View>
  )
}

interface RowProps {
  item: MySignUp
  cancelling: boolean
  onCancel?: (item: MySignUp) => void
}

function SignUpRow({ item, cancelling, onCancel }: RowProps) {
  const { signUp, call, slotLabel, session } = item
  // a slot of a call of several: its own session's times (to give back until it starts, for the calendar)
  const when = session ?? call
  const cancellable =
    onCancel !== undefined &&
    (signUp.status === 'confirmed' || signUp.status === 'waitlisted') &&
    call.status !== 'cancelled' &&
    canCancel(when, Date.now())
  const open = () => Taro.navigateTo({ url: `/pages/call-detail/index?id=${call._id}` })
  // on the day: the way to the scanner sits on the card itself
  const checkInNow =
    (signUp.status === 'confirmed' || signUp.status === 'attended') &&
    isCheckInOpen({ ...call, startAt: when.startAt, endAt: when.endAt }, Date.now())
  return (
    <View
      className={`signup-row ${signUp.status === 'cancelled' ? 'signup-row--muted' : ''}`}
      id={slotLabel !== undefined ? `signup-${call._id}-${signUp.slot}` : `signup-${call._id}`}
    >
      <View
        className="signup-row__main"
        onClick={open}
        {...asButton(`${call.title}，${slotLabel ?? formatTime(call.startAt)}，${call.ngoName}`, {
          namedByContent: true,
        })}
      >
        <View className="signup-row__thumb">
          <CallCover cover={call.cover} tags={call.tags} size="card" />
        </View>
        <View className="signup-row__info">
          <Text className="signup-row__title">{call.title}</Text>
          {slotLabel !== undefined ? (
            <Text className="signup-row__meta signup-row__slot">{slotLabel}</Text>
          ) : (
            <Text className="signup-row__meta">{formatTime(call.startAt)}</Text>
          )}
          <Text className="signup-row__meta">
            {call.ngoName} · {call.city}
          </Text>
          {signUp.companions && (
            <Text className="signup-row__meta signup-row__party">
              共 {signUp.party ?? 1} 人 · 同行：{signUp.companions.map((c) => c.name).join('、')}
            </Text>
          )}
        </View>
      </View>
      <View className="signup-row__footer">
        <View className="signup-row__tags">
          <StatusTag signUp={signUp} />
          {call.status === 'cancelled' && <Text className="signup-row__call-cancelled">活动已取消</Text>}
        </View>
        {checkInNow && (
          <Text
            className="signup-row__checkin"
            onClick={scanToCheckIn}
            {...asButton(signUp.status === 'attended' ? '扫码签退' : '扫码签到')}
          >
            {signUp.status === 'attended' ? '扫码签退' : '扫码签到'}
          </Text>
        )}
        {cancellable && !checkInNow && signUp.status === 'confirmed' && (
          <CalendarButton
            call={
              session
                ? {
                    ...call,
                    _id: `${call._id}-${signUp.slot}`,
                    startAt: session.startAt,
                    endAt: session.endAt,
                  }
                : call
            }
            className="calendar-button--small"
          />
        )}
        {signUp.hoursConfirmed && (
          <Text
            className="signup-row__checkin"
            onClick={() =>
              Taro.navigateTo({ url: `/packages/volunteer/certificate/index?signUpId=${signUp._id}` })
            }
            {...asButton('志愿服务证明')}
          >
            志愿服务证明
          </Text>
        )}
        {cancellable && (
          <Text
            className={`signup-row__cancel ${cancelling ? 'signup-row__cancel--busy' : ''}`}
            onClick={() => !cancelling && onCancel(item)}
            {...asButton(signUp.status === 'waitlisted' ? '退出候补' : '取消报名')}
          >
            {cancelling ? '处理中…' : signUp.status === 'waitlisted' ? '退出候补' : '取消报名'}
          </Text>
        )}
      </View>
    </View>
  )
}
