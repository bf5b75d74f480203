// The check-in screen with no network: the session's roster kept on this phone (下载本场名单 while online), a
// volunteer's offline pass checked here with the function's public key, check-in and check-out by hand, and the
// count of what waits: 「离线记录 N 条，联网后自动同步」. The page sends the records as soon as a request succeeds.
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { AttendanceMode } from '@core/attendance/contract'
import { type LocalPerson, localState, offlineBanner, type StoredRoster } from '@core/attendance/offline'
import { loadQueue, recordOffline, recordWalkInOffline } from '@services/attendance/offline'
import { CAN_SCAN, scanQrCode } from '@services/attendance/attendance-scan'
import { PASS_MAX_LENGTH } from '@core/attendance/offline-pass'
import { clockTime } from './attendee'

interface Props {
  roster: StoredRoster | null
  mode: AttendanceMode
  /** records waiting on this phone (all calls) */
  pending: number
  onRecorded: () => void
}

export default function OfflineCheckIn({ roster, mode, pending, onRecorded }: Props) {
  const [pasted, setPasted] = useState('')
  const [walkInName, setWalkInName] = useState('')
  const [walkInPhone, setWalkInPhone] = useState('')
  const toast = (title: string) => Taro.showToast({ title, icon: 'none' })

  const record = (how: { pass: string } | { signUpId: string }, as: AttendanceMode) => {
    if (!roster) return
    const mark = recordOffline(roster, how, as)
    if (!mark.ok) return toast(mark.message)
    setPasted('')
    toast(`${mark.person.name} ${as === 'in' ? '已签到' : '已签退'}（离线）`)
    onRecorded()
  }

  const addWalkIn = () => {
    if (!roster) return
    if (!walkInName.trim() || !walkInPhone.trim()) return toast('请填写姓名和手机号')
    const mark = recordWalkInOffline(roster, { name: walkInName, phone: walkInPhone })
    if (!mark.ok) return toast(mark.message)
    setWalkInName('')
    setWalkInPhone('')
    toast(`${mark.person.name} 已签到（现场报名，离线）`)
    onRecorded()
  }

  const verify = (text: string) => {
    if (!text.trim()) return toast('请先粘贴志愿者的签到码')
    record({ pass: text.trim() }, mode)
  }

  const scan = async () => {
    const text = await scanQrCode()
    if (text) verify(text)
  }

  const people = roster ? localState(roster, loadQueue()) : []
  return (
    <View className="checkin-offline">
      <View className="console-card checkin-offline__banner" id="offline-banner" role="status">
        <Text className="console-title">{offlineBanner(pending)}</Text>
        <Text className="console-note">
          {roster
            ? `没有网络：按 ${clockTime(roster.downloadedAt)} 下载的名单签到（${roster.session.label}）`
            : '没有网络，这台手机也没有下载本场名单：请联网后在签到页点「下载本场名单」'}
        </Text>
      </View>
      {roster && (
        <>
          <View className="console-card">
            <Text className="console-title">扫码核验（离线）</Text>
            {CAN_SCAN ? (
              <Button className="console-button console-button--primary" onClick={scan}>
                扫志愿者的签到码（{mode === 'in' ? '签到' : '签退'}）
              </Button>
            ) : (
              <View className="checkin-inline">
                <Input
                  id="offline-code"
                  maxlength={PASS_MAX_LENGTH}
                  className="field__input"
                  placeholder="粘贴志愿者的离线签到码"
                  value={pasted}
                  onInput={(e) => setPasted(e.detail.value)}
                />
                <Button className="console-button" onClick={() => verify(pasted)}>
                  核验{mode === 'in' ? '签到' : '签退'}
                </Button>
              </View>
            )}
          </View>
          <View className="console-card">
            <Text className="console-title">{`本场名单 · ${people.length}`}</Text>
            {people.map((person) => (
              <Person
                key={person.signUpId}
                person={person}
                onMark={(as) => record({ signUpId: person.signUpId }, as)}
              />
            ))}
          </View>
          <View className="console-card checkin-walk-in">
            <Text className="console-title">添加现场报名（离线）</Text>
            <Text className="console-note">
              没有报名、到了现场的人：记下姓名和手机号，即刻签到（不占名额），联网后登记。
            </Text>
            <Input
              id="offline-walk-in-name"
              className="field__input"
              placeholder="姓名"
              maxlength={20}
              value={walkInName}
              onInput={(e) => setWalkInName(e.detail.value)}
            />
            <Input
              id="offline-walk-in-phone"
              className="field__input"
              type="number"
              placeholder="手机号"
              maxlength={11}
              value={walkInPhone}
              onInput={(e) => setWalkInPhone(e.detail.value)}
            />
            <Button className="console-button" onClick={addWalkIn}>
              添加并签到
            </Button>
          </View>
        </>
      )}
    </View>
  )
}

function Person({ person, onMark }: { person: LocalPerson; onMark: (as: AttendanceMode) => void }) {
  const next: AttendanceMode | null =
    person.checkedOutAt !== undefined ? null : person.checkedInAt !== undefined ? 'out' : 'in'
  const presence =
    person.checkedOutAt !== undefined
      ? `已签退 ${clockTime(person.checkedOutAt)}`
      : person.checkedInAt !== undefined
        ? `已签到 ${clockTime(person.checkedInAt)}`
        : '未签到'
  return (
    <View id={`offline-attendee-${person.signUpId}`} className="attendee">
      <View className="attendee__who">
        <Text className="attendee__name">{person.name}</Text>
        <Text className="console-note">{personNote(person)}</Text>
        {person.companions && (
          <Text className="console-note">
            {`共 ${person.companions.length + 1} 人，一起签到签退：${person.companions.join('、')}`}
          </Text>
        )}
      </View>
      <Text
        className={`attendee__presence ${person.checkedInAt !== undefined ? 'attendee__presence--attended' : ''}`}
      >
        {presence}
      </Text>
      {next && (
        <Text className="attendee__action" onClick={() => onMark(next)}>
          {next === 'in' ? '手动签到' : '手动签退'}
        </Text>
      )}
    </View>
  )
}

/** The line under a name: phone and role, or why someone not on the downloaded roster is listed. */
function personNote(person: LocalPerson): string {
  if (person.added === 'late') return '下载名单后报名 · 签到码有效，联网后核对'
  const parts = [person.phone, person.role, person.added === 'walk-in' ? '现场报名' : undefined]
  return parts.filter(Boolean).join(' · ')
}
