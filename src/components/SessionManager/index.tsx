// A published call's sessions as its organizer manages them: each session with its slots' places taken and left
// (places editable: setSlotCapacity), 修改场次: its name, time or place (updateSession), 取消场次 with a reason after a confirm that says
// how many volunteers will be told (cancelSession), 复制到下周 and 添加场次 (addSessions). Each answer's counts of
// volunteers told and moved up from the waitlist are shown in a toast, and the call as it now is handed up.
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { CallDetail, SessionEditResponse, SessionView, SlotView } from '@core/calls/contract'
import { REASON_MAX_LENGTH } from '@core/calls/validate'
import { SESSION_NAME_MAX_LENGTH } from '@core/calls/session-form'
import { sessionLabel, sessionTime } from '@core/calls/session-text'
import type { ApiResult } from '@core/shared/errors'
import { asField } from '@components/a11y'
import PickerChip from '@components/PickerChip'
import { dateOf, endAtTime, moveStart, timeOf, WEEK_MS } from '@components/session-time'
import { addSessions, cancelSession, setSlotCapacity, updateSession } from '@services/calls/sessions'
import '../session-editor.scss'

interface Props {
  call: CallDetail
  onChange: (call: CallDetail) => void
}

/** What the organizer is doing to one session, or the new session being added. */
type Editing =
  | { kind: 'none' }
  | { kind: 'move'; sessionId: string; name: string; startAt: number; endAt: number; address: string }
  | { kind: 'cancel'; sessionId: string; reason: string }
  | { kind: 'add'; startAt: number; endAt: number; capacity: number }

/** 「已通知 3 位志愿者，1 位候补已转为报名」 */
export function editToast(done: string, { notified, promoted }: SessionEditResponse): string {
  const parts = [
    notified > 0 ? `已通知 ${notified} 位志愿者` : '',
    promoted > 0 ? `${promoted} 位候补已转为报名` : '',
  ].filter(Boolean)
  return parts.length ? `${done}，${parts.join('，')}` : done
}

const placesOf = (slots: SlotView[]) => slots.reduce((sum, s) => sum + s.confirmed + s.waitlisted, 0)

export default function SessionManager({ call, onChange }: Props) {
  const [editing, setEditing] = useState<Editing>({ kind: 'none' })
  const [places, setPlaces] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState('')
  const roleName = (roleId?: string) => call.roles.find((r) => r.id === roleId)?.name ?? '名额'
  const slotsOf = (sessionId: string) => call.slots.filter((s) => s.sessionId === sessionId)
  const live = call.sessions.filter((s) => !s.cancelled)
  const several = call.sessions.length > 1 || call.roles.length > 0
  const now = Date.now()
  const last = call.sessions[call.sessions.length - 1]

  /** sends one edit; on success the call is replaced and the toast says who was told */
  const send = async (
    name: string,
    done: string,
    job: () => Promise<ApiResult<SessionEditResponse>>,
  ): Promise<boolean> => {
    setBusy(name)
    const result = await job()
    setBusy('')
    if (!result.ok) {
      const detail = result.fields ? Object.values(result.fields)[0] : undefined
      Taro.showToast({ title: detail ?? result.message, icon: 'none' })
      return false
    }
    setEditing({ kind: 'none' })
    onChange(result.data.call)
    Taro.showToast({ title: editToast(done, result.data), icon: 'none' })
    return true
  }

  const add = (sessions: Array<{ startAt: number; endAt: number; address?: string }>, capacity?: number) =>
    send('add', '已添加场次', () =>
      addSessions({
        callId: call._id,
        sessions,
        ...(call.roles.length === 0 && capacity ? { capacity } : {}),
      }),
    )

  const saveSlot = async (slot: SlotView) => {
    const capacity = Number(places[slot.key])
    const saved = await send(`slot-${slot.key}`, '名额已修改', () =>
      setSlotCapacity({ callId: call._id, slot: slot.key, capacity }),
    )
    if (saved) setPlaces(({ [slot.key]: _, ...rest }) => rest)
  }

  const move = (session: SessionView, edit: Extract<Editing, { kind: 'move' }>) => {
    const changes = {
      ...(edit.name.trim() !== (session.name ?? '') ? { name: edit.name.trim() } : {}),
      ...(edit.startAt !== session.startAt ? { startAt: edit.startAt } : {}),
      ...(edit.endAt !== session.endAt ? { endAt: edit.endAt } : {}),
      ...(edit.address.trim() !== (session.address ?? '') ? { address: edit.address.trim() } : {}),
    }
    if (Object.keys(changes).length === 0) return setEditing({ kind: 'none' })
    return send('move', '已修改场次', () =>
      updateSession({ callId: call._id, sessionId: session.id, ...changes }),
    )
  }

  const cancel = async (session: SessionView, name: string, reason: string) => {
    const told = placesOf(slotsOf(session.id))
    const { confirm } = await Taro.showModal({
      title: `取消${name}？`,
      content:
        told > 0
          ? `${sessionLabel(session)}：${told} 位志愿者的报名将被取消，他们会收到通知。`
          : `${sessionLabel(session)}：这一场还没有人报名。`,
      confirmText: '取消场次',
      cancelText: '不取消',
    })
    if (!confirm) return
    await send('cancel', '已取消场次', () =>
      cancelSession({ callId: call._id, sessionId: session.id, ...(reason.trim() ? { reason } : {}) }),
    )
  }

  return (
    <View className="session-manager">
      {call.sessions.map((session, i) => {
        const name = session.name || `第 ${i + 1} 场`
        const started = session.startAt <= now
        const slots = slotsOf(session.id)
        const mine = editing.kind !== 'none' && 'sessionId' in editing && editing.sessionId === session.id
        return (
          <View key={session.id} className="plan-item session-manager__session">
            <View className="plan-item__head">
              <Text className="plan-item__title">
                {name} · {sessionTime(session)}
              </Text>
              {session.cancelled && <Text className="plan-item__tag">已取消</Text>}
            </View>
            {session.address && <Text className="plan-item__meta">地点：{session.address}</Text>}
            {several &&
              !session.cancelled &&
              slots.map((slot) => {
                const label = `${name} ${roleName(slot.roleId)}`
                const typed = places[slot.key]
                const changed = typed !== undefined && Number(typed) !== slot.capacity && Number(typed) >= 1
                return (
                  <View key={slot.key} className="plan-slot">
                    <View className="plan-slot__who">
                      <Text className="plan-slot__name">{roleName(slot.roleId)}</Text>
                      <Text className="plan-slot__count">
                        已报名 {slot.confirmed}/{slot.capacity} · 剩余 {slot.spotsLeft}
                        {slot.waitlisted > 0 ? ` · 候补 ${slot.waitlisted}` : ''}
                      </Text>
                    </View>
                    <View className="plan-slot__edit">
                      <Input
                        className="plan-input plan-input--places"
                        type="number"
                        value={typed ?? String(slot.capacity)}
                        onInput={(e) => setPlaces((p) => ({ ...p, [slot.key]: e.detail.value }))}
                        {...asField(`${label} 名额`)}
                      />
                      <Button
                        className="plan-button plan-button--primary"
                        disabled={!changed || undefined}
                        loading={busy === `slot-${slot.key}`}
                        onClick={() => saveSlot(slot)}
                      >
                        保存名额
                      </Button>
                    </View>
                  </View>
                )
              })}
            {mine && editing.kind === 'move' && (
              <View className="plan-form">
                <Text className="plan-label">场次名称（选填）</Text>
                <Input
                  className="plan-input"
                  maxlength={SESSION_NAME_MAX_LENGTH}
                  placeholder="场次名称（选填，如 第一批）"
                  value={editing.name}
                  onInput={(e) => setEditing({ ...editing, name: e.detail.value })}
                  {...asField(`${name} 名称（选填）`)}
                />
                <Text className="plan-label">时间和地点</Text>
                <View className="plan-times">
                  <PickerChip
                    mode="date"
                    label={`${name} 新日期`}
                    value={dateOf(editing.startAt)}
                    onChange={(date) =>
                      setEditing({ ...editing, ...moveStart(editing, date, timeOf(editing.startAt)) })
                    }
                  />
                  <PickerChip
                    mode="time"
                    label={`${name} 新开始时间`}
                    value={timeOf(editing.startAt)}
                    onChange={(time) =>
                      setEditing({ ...editing, ...moveStart(editing, dateOf(editing.startAt), time) })
                    }
                  />
                  <Text className="plan-to">至</Text>
                  <PickerChip
                    mode="time"
                    label={`${name} 新结束时间`}
                    value={timeOf(editing.endAt)}
                    onChange={(time) => setEditing({ ...editing, endAt: endAtTime(editing.startAt, time) })}
                  />
                </View>
                <Input
                  className="plan-input"
                  placeholder="本场地点（不填则用活动地址）"
                  value={editing.address}
                  onInput={(e) => setEditing({ ...editing, address: e.detail.value })}
                  {...asField(`${name} 地点`)}
                />
                <Text className="plan-item__meta">改了时间或地点，已报名的志愿者会收到变更通知。</Text>
                <View className="plan-actions">
                  <Button
                    className="plan-button plan-button--primary"
                    loading={busy === 'move'}
                    onClick={() => move(session, editing)}
                  >
                    保存修改
                  </Button>
                  <Button className="plan-button" onClick={() => setEditing({ kind: 'none' })}>
                    返回
                  </Button>
                </View>
              </View>
            )}
            {mine && editing.kind === 'cancel' && (
              <View className="plan-form">
                <Text className="plan-label">取消原因（选填，会告诉志愿者）</Text>
                <Input
                  className="plan-input"
                  maxlength={REASON_MAX_LENGTH}
                  placeholder="如：天气原因"
                  value={editing.reason}
                  onInput={(e) => setEditing({ ...editing, reason: e.detail.value })}
                  {...asField(`${name} 取消原因`)}
                />
                <View className="plan-actions">
                  <Button
                    className="plan-button plan-button--danger"
                    loading={busy === 'cancel'}
                    onClick={() => cancel(session, name, editing.reason)}
                  >
                    确认取消{name}
                  </Button>
                  <Button className="plan-button" onClick={() => setEditing({ kind: 'none' })}>
                    返回
                  </Button>
                </View>
              </View>
            )}
            {!session.cancelled && !mine && (
              <View className="plan-actions">
                {several && !started && (
                  <Button
                    className="plan-button"
                    onClick={() =>
                      setEditing({
                        kind: 'move',
                        sessionId: session.id,
                        name: session.name ?? '',
                        startAt: session.startAt,
                        endAt: session.endAt,
                        address: session.address ?? '',
                      })
                    }
                  >
                    修改场次
                  </Button>
                )}
                <Button
                  className="plan-button"
                  disabled={busy === 'add' || undefined}
                  onClick={() =>
                    add([
                      {
                        startAt: session.startAt + WEEK_MS,
                        endAt: session.endAt + WEEK_MS,
                        ...(session.address ? { address: session.address } : {}),
                      },
                    ])
                  }
                >
                  复制到下周
                </Button>
                {several && !started && live.length > 1 && (
                  <Button
                    className="plan-button plan-button--danger"
                    onClick={() => setEditing({ kind: 'cancel', sessionId: session.id, reason: '' })}
                  >
                    取消场次
                  </Button>
                )}
              </View>
            )}
          </View>
        )
      })}
      {several && live.length === 1 && (
        <Text className="plan-item__meta">只剩一场时不能单独取消；不办了请取消整个活动。</Text>
      )}
      {editing.kind === 'add' ? (
        <View className="plan-form session-manager__add">
          <Text className="plan-label">新场次</Text>
          <View className="plan-times">
            <PickerChip
              mode="date"
              id="add-session-date"
              label="新场次日期"
              value={dateOf(editing.startAt)}
              onChange={(date) =>
                setEditing({ ...editing, ...moveStart(editing, date, timeOf(editing.startAt)) })
              }
            />
            <PickerChip
              mode="time"
              label="新场次开始时间"
              value={timeOf(editing.startAt)}
              onChange={(time) =>
                setEditing({ ...editing, ...moveStart(editing, dateOf(editing.startAt), time) })
              }
            />
            <Text className="plan-to">至</Text>
            <PickerChip
              mode="time"
              label="新场次结束时间"
              value={timeOf(editing.endAt)}
              onChange={(time) => setEditing({ ...editing, endAt: endAtTime(editing.startAt, time) })}
            />
          </View>
          {call.roles.length === 0 ? (
            <>
              <Text className="plan-label">名额</Text>
              <Input
                id="add-session-capacity"
                className="plan-input plan-input--places"
                type="number"
                value={editing.capacity ? String(editing.capacity) : ''}
                onInput={(e) => setEditing({ ...editing, capacity: Number(e.detail.value) || 0 })}
                {...asField('新场次名额')}
              />
            </>
          ) : (
            <Text className="plan-item__meta">
              各岗位名额同其他场次：{call.roles.map((r) => `${r.name} ${r.capacity}`).join('、')}
            </Text>
          )}
          <View className="plan-actions">
            <Button
              className="plan-button plan-button--primary"
              loading={busy === 'add'}
              onClick={() =>
                add([{ startAt: editing.startAt, endAt: editing.endAt }], editing.capacity || undefined)
              }
            >
              添加这一场
            </Button>
            <Button className="plan-button" onClick={() => setEditing({ kind: 'none' })}>
              返回
            </Button>
          </View>
        </View>
      ) : (
        <Button
          className="plan-button plan-button--add"
          onClick={() =>
            setEditing({
              kind: 'add',
              startAt: last.startAt + WEEK_MS,
              endAt: last.endAt + WEEK_MS,
              capacity: slotsOf(last.id)[0]?.capacity ?? call.capacity,
            })
          }
        >
          添加场次
        </Button>
      )}
    </View>
  )
}
