// 活动详情: everything a volunteer needs to decide, and the one button to act. Renders read-only for an
// anonymous visitor (a page opened from Moments on WeChat, 游客 on H5). When the cloud is too busy to read the
// visitor's own sign-ups, the call shows at once and their part follows (services/calls/call-page.ts).
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CallDetail, SlotView } from '@core/calls/contract'
import { canCancel } from '@core/calls/rules'
import CalendarButton from '@components/CalendarButton'
import CallCover from '@components/CallCover'
import EmptyState from '@components/EmptyState'
import Icon, { type IconName } from '@components/Icon'
import { asButton, decorative } from '@components/a11y'
import LoadFailed from '@components/LoadFailed'
import PersonaChip from '@components/PersonaChip'
import { signUpQuery, useArrival, useShareCard, type Arrival } from '@components/ShareCard'
import SharePoster from '@components/SharePoster'
import SlotPicker from '@components/SlotPicker'
import { canPick, hasSlotPicker, heldSlots, knownSlots, sameSession } from '@components/SlotPicker/slots-view'
import SpotsLabel from '@components/SpotsLabel'
import { companionRuleText } from '@core/calls/companions'
import StatusTag from '@components/StatusTag'
import { cancelNotice, confirmAndCancel } from '@components/cancel-sign-up'
import { formatTime, formatTimeRange } from '@components/format'
import { fetchMineLater, openCall } from '@services/calls/call-page'
import { setNavigationTitle } from '@services/page/navigation-title'
import { isAnonymous, PREVIEW_HINT } from '@services/cloud/session'
import OrganizerNotices from './OrganizerNotices'
import './index.scss'

type State =
  | { phase: 'loading' }
  | { phase: 'error'; message: string; notFound: boolean }
  | { phase: 'ready'; call: CallDetail }

export default function CallDetailPage() {
  const arrival = useArrival()
  const { callId } = arrival
  const [state, setState] = useState<State>({ phase: 'loading' })
  const [cancelling, setCancelling] = useState(false)
  // a call of several slots: the ones ticked, and the held one being given back
  const [selected, setSelected] = useState<string[]>([])
  const [cancellingSlot, setCancellingSlot] = useState<string | undefined>(undefined)
  // the organizer arrives here right after publishing (call editor → 去分享)
  const justPublished = useRouter().params.share === '1'
  // the visitor's own part did not come with the call and stopped coming after the waits: offer to read again
  const [mineStalled, setMineStalled] = useState(false)
  // each load's number: a later load, or leaving the page, stops an earlier one asking for the visitor's part
  const loads = useRef(0)

  // whether the page shows a call already: coming back from the form it keeps it until the fresh answer comes
  const shown = useRef(false)

  const showCall = useCallback((detail: CallDetail) => {
    shown.current = true
    setState({ phase: 'ready', call: detail })
    setNavigationTitle(detail.title)
    // back from the form or after a cancel: keep only ticks that can still be taken
    const held = heldSlots(detail)
    const still = new Set(
      detail.slots.filter((slot) => canPick(detail, slot) && !held.has(slot.key)).map((s) => s.key),
    )
    setSelected((keys) => keys.filter((key) => still.has(key)))
  }, [])

  const load = useCallback(async () => {
    const mine = ++loads.current
    const current = () => loads.current === mine
    setMineStalled(false)
    // the call's public file, if it comes first, shows the call while the function answers (a page opened afresh)
    const fromFile = shown.current
      ? undefined
      : (file: CallDetail) => {
          if (current()) showCall(file)
        }
    const result = await openCall(callId, fromFile)
    if (!current()) return
    if (!result.ok) {
      setState({ phase: 'error', message: result.message, notFound: result.code === 'NOT_FOUND' })
      return
    }
    showCall(result.data)
    if (!result.data.mineUnknown) return
    const outcome = await fetchMineLater(callId, current, showCall)
    if (outcome === 'gave-up' && current()) setMineStalled(true)
  }, [callId, showCall])

  // again on every show: coming back from the form or from 我的 must show the sign-up as it is now
  useDidShow(() => {
    load()
  })
  useDidHide(() => {
    loads.current++
  })
  useEffect(
    () => () => {
      loads.current++
    },
    [],
  )

  const call = state.phase === 'ready' ? state.call : null
  useShareCard(callId, call)

  if (state.phase === 'loading') {
    return (
      <View className="detail-page">
        <View className="detail-page__placeholder" />
        <PersonaChip />
      </View>
    )
  }
  if (state.phase === 'error' && state.notFound) {
    // a shared link to a call that was taken down: retrying cannot help, other calls might
    return (
      <View className="detail-page">
        <EmptyState
          icon="leaf"
          title={state.message}
          actionText="看看其他活动"
          onAction={() => Taro.switchTab({ url: '/pages/calls/index' })}
        />
        <PersonaChip />
      </View>
    )
  }
  if (state.phase === 'error') {
    return (
      <View className="detail-page">
        <LoadFailed message={state.message} onRetry={load} />
      </View>
    )
  }

  const detail = state.call
  const cancel = async () => {
    const cancelled = await confirmAndCancel(detail, () => setCancelling(true))
    setCancelling(false)
    if (cancelled) load()
  }

  const picker = hasSlotPicker(detail)
  const held = heldSlots(detail)
  const toggle = (slot: SlotView) => {
    if (selected.includes(slot.key)) {
      setSelected(selected.filter((key) => key !== slot.key))
      return
    }
    // one role per session: ticking another role of a session replaces the one ticked there
    const others = selected.filter((key) => !sameSession(detail, key, slot))
    const max = detail.maxSlotsPerPerson
    if (max !== undefined && held.size + others.length >= max) {
      Taro.showToast({ title: `每人最多报名 ${max} 个场次`, icon: 'none' })
      return
    }
    setSelected([...others, slot.key])
  }
  const cancelSlot = async (slot: SlotView) => {
    const cancelled = await confirmAndCancel(detail, () => setCancellingSlot(slot.key), slot.key)
    setCancellingSlot(undefined)
    if (cancelled) load()
  }

  const percent =
    detail.capacity > 0 ? Math.min(100, Math.round((detail.confirmed / detail.capacity) * 100)) : 0

  return (
    <View className="detail-page">
      <CallCover cover={detail.cover} tags={detail.tags} size="hero" />
      <StatusBanner call={detail} justPublished={justPublished} />
      <View className="detail-page__section detail-page__head">
        <Text className="detail-page__title">{detail.title}</Text>
        <View className="detail-page__tags">
          {detail.tags.map((tag) => (
            <Text key={tag} className="detail-page__tag">
              {tag}
            </Text>
          ))}
        </View>
        <View
          className="ngo-row"
          onClick={() => Taro.navigateTo({ url: `/packages/ngo/profile/index?id=${detail.ngo._id}` })}
          {...asButton(`${detail.ngo.name}${detail.ngo.verified ? '，已认证' : ''}，查看机构主页`, {
            namedByContent: true,
          })}
        >
          <View className="ngo-row__logo" {...decorative()}>
            <Text>{detail.ngo.name.slice(0, 1)}</Text>
          </View>
          <Text className="ngo-row__name">{detail.ngo.name}</Text>
          {detail.ngo.verified && <Text className="ngo-row__badge">已认证</Text>}
        </View>
      </View>

      <View className="detail-page__section">
        <InfoRow
          icon="clock"
          label="时间"
          value={
            detail.sessions.length > 1
              ? `共 ${detail.sessions.length} 个场次，${formatTimeRange(detail.startAt, detail.endAt)}`
              : formatTimeRange(detail.startAt, detail.endAt)
          }
        />
        <InfoRow icon="pin" label="地点" value={`${detail.city} · ${detail.address}`} />
        <InfoRow icon="hourglass" label="报名截止" value={formatTime(detail.signupDeadline)} />
        {cancelNotice(detail) && <InfoRow icon="info" label="取消须知" value={cancelNotice(detail)!} />}
        {detail.companions && (
          <InfoRow icon="people" label="同行人" value={companionRuleText(detail.companions)} />
        )}
        <View className="spots-box" id="spots">
          <View className="spots-box__line">
            <Text className="spots-box__count">
              已报名 {detail.confirmed}/{detail.capacity}
            </Text>
            {/* places left are an invitation: not on a call that takes no more sign-ups */}
            {detail.status === 'open' && (
              <SpotsLabel spotsLeft={detail.spotsLeft} waitlist={detail.waitlist} />
            )}
          </View>
          <View className="progress">
            <View className="progress__bar" style={{ width: `${percent}%` }} />
          </View>
          {detail.waitlisted > 0 && <Text className="spots-box__wait">候补 {detail.waitlisted} 人</Text>}
        </View>
        {!picker && detail.mySignUp?.status === 'confirmed' && detail.status !== 'cancelled' && (
          <CalendarButton call={{ ...detail, ngoName: detail.ngo.name }} className="calendar-button--block" />
        )}
      </View>

      {picker && (
        <View className="detail-page__section">
          <SlotPicker
            call={detail}
            selected={selected}
            onToggle={toggle}
            onCancel={cancelSlot}
            cancelling={cancellingSlot}
            interactive={!isAnonymous() && detail.status !== 'draft' && !detail.mineUnknown}
            now={Date.now()}
          />
        </View>
      )}

      {/* before the description: for those who signed up, what changed matters most */}
      {/* only those signed up are addressed (organizers read them in the roster): no request for every visitor */}
      {detail.mySignUp && detail.mySignUp.status !== 'cancelled' && <OrganizerNotices call={detail} />}

      <View className="detail-page__section">
        <Text className="detail-page__subtitle">活动介绍</Text>
        <Text className="detail-page__description" userSelect>
          {detail.description}
        </Text>
      </View>

      {!isAnonymous() && detail.status === 'open' && (
        <View className="detail-page__section detail-page__share">
          <Text className="detail-page__share-text">
            邀请朋友一起报名，你带来的每位志愿者都会记在你的名下
          </Text>
          <SharePoster callId={detail._id} />
        </View>
      )}

      <View className="detail-page__spacer" />
      {picker ? (
        <SlotActionBar
          call={detail}
          arrival={arrival}
          selected={selected}
          mineStalled={mineStalled}
          onReadMine={load}
        />
      ) : (
        <ActionBar
          call={detail}
          arrival={arrival}
          cancelling={cancelling}
          onCancel={cancel}
          mineStalled={mineStalled}
          onReadMine={load}
        />
      )}
      <PersonaChip />
    </View>
  )
}

function InfoRow({ icon, label, value }: { icon: IconName; label: string; value: string }) {
  return (
    <View className="info-row">
      <Icon className="info-row__icon" name={icon} size={30} color="muted" />
      <Text className="info-row__label">{label}</Text>
      <Text className="info-row__value">{value}</Text>
    </View>
  )
}

/**
 * What the call's state means for this visitor, before anything else: a draft is the organizer's preview (with the
 * questions the form will ask), a just-published call asks to be shared, a cancelled or closed one says so.
 */
function StatusBanner({ call, justPublished }: { call: CallDetail; justPublished: boolean }) {
  if (call.status === 'draft') {
    return (
      <View className="status-banner status-banner--preview" id="call-status-banner">
        <Text className="status-banner__title">预览 · 草稿</Text>
        <Text className="status-banner__text">这是志愿者将看到的样子；发布后才对外显示、接受报名。</Text>
        {call.questions.length > 0 && (
          <View className="status-banner__questions">
            <Text className="status-banner__text">报名时需要回答：</Text>
            {call.questions.map((q, i) => (
              <Text key={q.id} className="status-banner__text">
                {i + 1}. {q.title}
                {q.required ? '' : '（选填）'}
                {q.options?.length ? `：${q.options.join(' / ')}` : ''}
              </Text>
            ))}
          </View>
        )}
      </View>
    )
  }
  if (justPublished && call.status === 'open') {
    return (
      <View className="status-banner status-banner--published" id="call-status-banner">
        <Text className="status-banner__title">活动已发布</Text>
        <Text className="status-banner__text">
          点右上角「···」转发到志愿者群，或在下方生成海报发朋友圈：转发越多，报名越快。
        </Text>
      </View>
    )
  }
  if (call.status === 'cancelled') {
    return (
      <View className="status-banner status-banner--cancelled" id="call-status-banner">
        <Text className="status-banner__title">活动已取消</Text>
        <Text className="status-banner__text">组织者已取消这次活动，报名的志愿者无需前往。</Text>
      </View>
    )
  }
  if (call.status === 'closed') {
    return (
      <View className="status-banner status-banner--closed" id="call-status-banner">
        <Text className="status-banner__title">报名已结束</Text>
        <Text className="status-banner__text">组织者已停止接受新的报名，已报名的志愿者照常参加。</Text>
      </View>
    )
  }
  return null
}

/** Why a call takes no sign-up now, as its button says it; undefined when it does. */
function closedLabel(call: CallDetail): string | undefined {
  if (call.status === 'draft') return '预览中 · 发布后可报名'
  if (call.status === 'cancelled') return '活动已取消'
  if (call.status === 'closed') return '报名已结束'
  if (!call.signupOpen) return '报名已截止'
  return undefined
}

/**
 * The bottom bar while the visitor's own part has not arrived (the cloud was too busy to read it): they may have
 * signed up, so nothing that depends on it is offered (「我要报名」 would say they have not) until it does.
 */
function MineReading({ stalled, onRead }: { stalled: boolean; onRead: () => void }) {
  if (stalled) {
    return (
      <View className="action-bar">
        <Text className="action-bar__hint">报名人数较多，暂时读不到你的报名</Text>
        <Button id="read-mine-button" className="action-bar__primary" onClick={onRead}>
          重新读取我的报名
        </Button>
      </View>
    )
  }
  return (
    <View className="action-bar">
      <Button
        id="reading-mine"
        className="action-bar__primary action-bar__primary--disabled"
        disabled
        loading
      >
        正在读取你的报名…
      </Button>
    </View>
  )
}

/**
 * The bottom bar of a call of several slots: 「报名所选 N 个场次」 for the ticked ones (to the form, which signs up
 * for each), what the caller holds, or why nothing can be picked. Giving a slot back is on its row in the picker.
 */
function SlotActionBar({
  call,
  arrival,
  selected,
  mineStalled,
  onReadMine,
}: {
  call: CallDetail
  arrival: Arrival
  selected: string[]
  mineStalled: boolean
  onReadMine: () => void
}) {
  if (isAnonymous()) {
    return (
      <View className="action-bar">
        <Text className="action-bar__hint">{PREVIEW_HINT}</Text>
        <Button
          className="action-bar__secondary"
          onClick={() => Taro.switchTab({ url: '/pages/calls/index' }).catch(() => undefined)}
        >
          更多活动
        </Button>
      </View>
    )
  }
  if (call.mineUnknown) return <MineReading stalled={mineStalled} onRead={onReadMine} />
  const held = call.mySignUps.length
  const chosen = knownSlots(call, selected)
  const queued = chosen.filter((slot) => slot.spotsLeft <= 0).length
  const closed = closedLabel(call)
  const mine = held > 0 && (
    <View className="action-bar__status">
      <Text className="action-bar__label">我的报名</Text>
      <Text className="action-bar__held">{held} 个场次</Text>
    </View>
  )
  if (closed || chosen.length === 0) {
    // nothing ticked: the way to 我的 for someone holding slots, else the button says what to do
    if (held > 0 && !closed) {
      return (
        <View className="action-bar">
          <Text className="action-bar__hint">
            {call.maxSlotsPerPerson !== undefined && held >= call.maxSlotsPerPerson
              ? `每人最多报名 ${call.maxSlotsPerPerson} 个场次，你已报满；取消一个后可以改选`
              : '勾选上方的场次可以继续报名'}
          </Text>
          {mine}
          <Button
            className="action-bar__primary"
            onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}
          >
            查看我的报名
          </Button>
        </View>
      )
    }
    return (
      <View className="action-bar">
        {mine}
        <Button id="sign-up-button" className="action-bar__primary action-bar__primary--disabled" disabled>
          {closed ?? '请先选择场次'}
        </Button>
      </View>
    )
  }
  const slots = chosen.map((slot) => slot.key).join(',')
  return (
    <View className="action-bar">
      {queued > 0 && (
        <Text className="action-bar__hint">
          {chosen.length === 1 ? '所选场次已满' : `其中 ${queued} 个场次已满`}
          ，提交后加入候补，有人取消会按顺序自动递补
        </Text>
      )}
      {mine}
      <Button
        id="sign-up-button"
        className="action-bar__primary"
        onClick={() =>
          Taro.navigateTo({
            url: `/pages/sign-up/index?id=${call._id}&slots=${slots}${signUpQuery(arrival)}`,
          })
        }
      >
        报名所选 {chosen.length} 个场次
      </Button>
    </View>
  )
}

interface ActionBarProps {
  call: CallDetail
  arrival: Arrival
  cancelling: boolean
  onCancel: () => void
  /** the visitor's own part did not arrive after the waits */
  mineStalled: boolean
  onReadMine: () => void
}

/** The bottom bar: what this visitor can do with this call right now. */
function ActionBar({ call, arrival, cancelling, onCancel, mineStalled, onReadMine }: ActionBarProps) {
  const mine = call.mySignUp
  if (isAnonymous()) {
    // a preview (a Moments share opens without a login): say how to sign up, and offer the other calls
    return (
      <View className="action-bar">
        <Text className="action-bar__hint">{PREVIEW_HINT}</Text>
        <Button
          className="action-bar__secondary"
          onClick={() => Taro.switchTab({ url: '/pages/calls/index' }).catch(() => undefined)}
        >
          更多活动
        </Button>
      </View>
    )
  }
  if (call.mineUnknown) return <MineReading stalled={mineStalled} onRead={onReadMine} />
  if (mine && mine.status !== 'cancelled') {
    const waitlisted = mine.status === 'waitlisted'
    const cancellable =
      (mine.status === 'confirmed' || waitlisted) &&
      call.status !== 'cancelled' &&
      canCancel(call, Date.now())
    return (
      <View className="action-bar">
        <View className="action-bar__status">
          <Text className="action-bar__label">我的报名</Text>
          <StatusTag signUp={mine} />
          {mine.status === 'confirmed' && mine.promotedAt !== undefined && (
            <Text className="action-bar__note">由候补递补</Text>
          )}
        </View>
        {cancellable && (
          <Button
            id="cancel-sign-up-button"
            className="action-bar__secondary"
            disabled={cancelling || undefined}
            onClick={onCancel}
          >
            {cancelling ? '处理中…' : waitlisted ? '退出候补' : '取消报名'}
          </Button>
        )}
        <Button className="action-bar__primary" onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}>
          查看我的报名
        </Button>
      </View>
    )
  }
  const full = call.spotsLeft <= 0
  const label = closedLabel(call) ?? (full ? (call.waitlist ? '加入候补' : '已满') : '我要报名')
  const enabled = call.signupOpen && (!full || call.waitlist)
  return (
    <View className="action-bar">
      {mine && (
        // a sign-up given back earlier: say so, especially when the organizer saw it as a late drop-out
        <View className="action-bar__past">
          <Text className="action-bar__label">我的报名</Text>
          <StatusTag signUp={mine} />
        </View>
      )}
      {full && call.signupOpen && call.waitlist && (
        <Text className="action-bar__hint">名额已满，加入候补后有人取消会按顺序自动递补，并通知你</Text>
      )}
      {/* `|| undefined`: the browser build would render disabled="false", which its button styles treat as disabled */}
      <Button
        id="sign-up-button"
        className={`action-bar__primary ${enabled ? '' : 'action-bar__primary--disabled'}`}
        disabled={!enabled || undefined}
        onClick={() => Taro.navigateTo({ url: `/pages/sign-up/index?id=${call._id}${signUpQuery(arrival)}` })}
      >
        {label}
      </Button>
    </View>
  )
}
