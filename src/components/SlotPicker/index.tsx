// 选择场次: a call's sessions in time order, each with its roles (or, without roles, one row per session), each row
// saying whether it has places (what each role does is said once, above the sessions); the volunteer ticks the open ones (a full one with a waitlist joins its queue), sees
// what they hold already (已报名 / 候补第 N 位) and can give it back from its row. Cancelled and started sessions
// stay listed, greyed, so the list matches what the organizer announced.
import { Text, View } from '@tarojs/components'
import type { CallDetail, SignUpView, SlotView } from '@core/calls/contract'
import { sessionLabel } from '@core/calls/session-text'
import CalendarButton from '@components/CalendarButton'
import Icon from '@components/Icon'
import { asButton, asCheckbox, decorative } from '@components/a11y'
import { canPick, heldSlots, heldText, sameSession, slotForCalendar, stateOfSlot } from './slots-view'
import './index.scss'

interface Props {
  call: CallDetail
  /** the keys ticked, in any order */
  selected: readonly string[]
  onToggle: (slot: SlotView) => void
  onCancel: (slot: SlotView) => void
  /** the key of the slot being given back, if one is */
  cancelling?: string
  /** the caller may act (signed in); an anonymous visitor sees the slots and nothing to tick */
  interactive: boolean
  now: number
}

export default function SlotPicker({
  call,
  selected,
  onToggle,
  onCancel,
  cancelling,
  interactive,
  now,
}: Props) {
  const held = heldSlots(call)
  const picked = new Set(selected)
  const hasRoles = call.roles.length > 0
  // holding as many as one person may: nothing more to tick (giving one back frees a tick)
  const atLimit = call.maxSlotsPerPerson !== undefined && held.size >= call.maxSlotsPerPerson
  const rowProps = { call, held, picked, onToggle, onCancel, cancelling, interactive, atLimit, now }
  return (
    <View className="slot-picker" id="slot-picker">
      <View className="slot-picker__head">
        <Text className="slot-picker__title">选择场次</Text>
        <Text className="slot-picker__hint">
          {interactive ? '可多选' : `共 ${call.sessions.length} 个场次`}
          {call.maxSlotsPerPerson !== undefined ? ` · 每人最多报名 ${call.maxSlotsPerPerson} 个场次` : ''}
          {interactive && atLimit ? '，你已报满' : ''}
        </Text>
      </View>
      {call.roles.some((role) => role.description) && (
        <View className="slot-picker__roles" id="slot-roles">
          {call.roles.map((role) => (
            <View key={role.id} className="slot-picker__role">
              <Text className="slot-picker__role-name">{role.name}</Text>
              <Text className="slot-picker__role-text">{role.description}</Text>
            </View>
          ))}
        </View>
      )}
      {hasRoles ? (
        call.sessions.map((session) => (
          <View key={session.id} className="slot-session" id={`session-${session.id}`}>
            <View className="slot-session__head">
              <Icon className="slot-session__icon" name="clock" size={28} color="muted" />
              <Text className="slot-session__time">{sessionLabel(session)}</Text>
            </View>
            {session.address && <Text className="slot-session__place">地点：{session.address}</Text>}
            {call.slots
              .filter((slot) => slot.sessionId === session.id)
              .map((slot) => {
                const role = call.roles.find((r) => r.id === slot.roleId)
                return (
                  <SlotRow
                    key={slot.key}
                    slot={slot}
                    name={role?.name ?? sessionLabel(session)}
                    spoken={`${sessionLabel(session)} ${role?.name ?? ''}`}
                    {...rowProps}
                  />
                )
              })}
          </View>
        ))
      ) : (
        <View className="slot-session">
          {call.slots.map((slot) => {
            const session = call.sessions.find((s) => s.id === slot.sessionId)
            return (
              <SlotRow
                key={slot.key}
                slot={slot}
                name={session ? sessionLabel(session) : slot.key}
                description={session?.address ? `地点：${session.address}` : undefined}
                {...rowProps}
              />
            )
          })}
        </View>
      )}
    </View>
  )
}

interface RowProps {
  call: CallDetail
  slot: SlotView
  name: string
  /** what a screen reader says for the row's name, when the name alone does not say which session it is */
  spoken?: string
  description?: string
  held: Map<string, SignUpView>
  picked: Set<string>
  onToggle: (slot: SlotView) => void
  onCancel: (slot: SlotView) => void
  cancelling?: string
  interactive: boolean
  atLimit: boolean
  now: number
}

function SlotRow({
  call,
  slot,
  name,
  spoken: spokenName,
  description,
  held,
  picked,
  onToggle,
  onCancel,
  cancelling,
  interactive,
  atLimit,
  now,
}: RowProps) {
  const mine = held.get(slot.key)
  const state = stateOfSlot(call, slot, now)
  const session = call.sessions.find((s) => s.id === slot.sessionId)
  // a session where another role is held already offers no second role
  const roleHeld = [...held.keys()].some((key) => sameSession(call, key, slot))
  const pickable = interactive && !mine && !atLimit && !roleHeld && canPick(call, slot)
  const on = pickable && picked.has(slot.key)
  const waitlistPick = state.kind === 'waitlist'
  // a held slot can be given back until its session starts
  const cancellable =
    interactive &&
    mine !== undefined &&
    call.status !== 'cancelled' &&
    !session?.cancelled &&
    now < (session?.startAt ?? 0)
  const classes = [
    'slot-row',
    on ? 'slot-row--on' : '',
    mine ? 'slot-row--held' : '',
    !mine && !pickable ? 'slot-row--off' : '',
  ]
  const spoken = `${spokenName ?? name}，${state.text}${waitlistPick ? '，选择后加入候补' : ''}`
  return (
    <View
      className={classes.join(' ')}
      id={`slot-${slot.key}`}
      onClick={pickable ? () => onToggle(slot) : undefined}
      {...(pickable ? asCheckbox(spoken, on) : {})}
    >
      <View className="slot-row__main">
        <View className="slot-row__line">
          <Text className="slot-row__name">{name}</Text>
          <Text className={`slot-row__state slot-row__state--${state.kind}`}>{state.text}</Text>
        </View>
        {description && <Text className="slot-row__desc">{description}</Text>}
        {roleHeld && !mine && <Text className="slot-row__desc">同一场次只能报名一个岗位</Text>}
        {mine?.status === 'confirmed' && cancellable && (
          <CalendarButton
            call={slotForCalendar(call, slot.key)}
            className="calendar-button--small slot-row__calendar"
          />
        )}
      </View>
      {mine ? (
        <View className="slot-row__side">
          <Text className={`slot-row__held slot-row__held--${mine.status}`}>{heldText(mine)}</Text>
          {cancellable && (
            <Text
              className={`slot-row__cancel ${cancelling === slot.key ? 'slot-row__cancel--busy' : ''}`}
              id={`cancel-${slot.key}`}
              onClick={() => cancelling === undefined && onCancel(slot)}
              {...asButton(`取消${spokenName ?? name}的${mine.status === 'waitlisted' ? '候补' : '报名'}`)}
            >
              {cancelling === slot.key ? '处理中…' : '取消'}
            </Text>
          )}
        </View>
      ) : (
        pickable && (
          <View className={`slot-row__box ${on ? 'slot-row__box--on' : ''}`} {...decorative()}>
            {on && <Icon name="check" size={24} color="white" />}
          </View>
        )
      )}
    </View>
  )
}
