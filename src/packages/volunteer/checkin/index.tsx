// A volunteer's check-in: opened with `?code=` (what the organizer's QR says, scanned from 我的 or, in the browser,
// a link) it checks them in or out at once; otherwise it offers the scanner (a field to paste a code in the
// browser). Below: 「我的签到码」, the personal code an organizer can scan instead. On a call of several sessions the
// code is one session's: the result names the session (and role) checked into. With no signal, 我的签到码 shows
// the offline pass kept for the session (fetched whenever the page opens online): good for that whole day.
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useLoad } from '@tarojs/taro'
import { useState } from 'react'
import type { OfflinePassView } from '@core/attendance/contract'
import type { CheckInResponse } from '@core/attendance/contract'
import QrImage from '@components/QrImage'
import { asButton } from '@components/a11y'
import { useRotatingCode } from '@components/QrImage/use-rotating-code'
import { formatTimeRange } from '@components/format'
import { checkIn, personalCode } from '@services/attendance/attendance'
import { CAN_SCAN, keepScreenOn, scanQrCode } from '@services/attendance/attendance-scan'
import { passesToShow, refreshPasses } from '@services/attendance/offline-passes'
import './index.scss'

type Outcome =
  | { phase: 'idle' }
  | { phase: 'working' }
  | { phase: 'done'; data: CheckInResponse }
  | { phase: 'failed'; message: string }

/** A mini program opened from a scanned link gets it whole in `q`; a page link gets `code` itself. */
function codeFromParams(params: Record<string, string | undefined>): string {
  if (params.code) return decodeURIComponent(params.code)
  if (params.q) return decodeURIComponent(params.q)
  return ''
}

export default function VolunteerCheckInPage() {
  const [outcome, setOutcome] = useState<Outcome>({ phase: 'idle' })
  const [pasted, setPasted] = useState('')
  const [shown, setShown] = useState(true)
  const mine = useRotatingCode(personalCode, 'mine', shown)
  const [passes, setPasses] = useState<OfflinePassView[]>(passesToShow)
  const [passIndex, setPassIndex] = useState(0)
  const pass = passes.length > 0 ? passes[passIndex % passes.length] : null

  const submit = async (code: string) => {
    if (!code.trim()) return Taro.showToast({ title: '请先粘贴签到码', icon: 'none' })
    setOutcome({ phase: 'working' })
    const result = await checkIn({ code: code.trim() })
    if (!result.ok) {
      setOutcome({ phase: 'failed', message: result.message })
      return Taro.showToast({ title: result.message, icon: 'none' })
    }
    setPasted('')
    setOutcome({ phase: 'done', data: result.data })
    Taro.showToast({ title: result.data.attendance.checkedOutAt ? '签退成功' : '签到成功', icon: 'success' })
  }

  useLoad((params: Record<string, string | undefined>) => {
    const code = codeFromParams(params)
    if (code) submit(code)
  })
  useDidShow(() => {
    setShown(true)
    // the screen must not dim while people scan it
    keepScreenOn()
    // kept for the week's sessions, so the code shows at a site with no signal
    refreshPasses().then(() => setPasses(passesToShow()))
  })
  useDidHide(() => setShown(false))

  const scan = async () => {
    const text = await scanQrCode()
    if (text) submit(text)
  }

  return (
    <View className="volunteer-checkin">
      {outcome.phase === 'working' && <Text className="checkin-result">正在签到…</Text>}
      {outcome.phase === 'done' && <Done data={outcome.data} />}
      {outcome.phase === 'failed' && (
        <View className="checkin-result checkin-result--failed" id="checkin-failed">
          <Text className="checkin-result__title">签到没有成功</Text>
          <Text className="checkin-result__note">{outcome.message}</Text>
        </View>
      )}

      <View className="volunteer-card">
        <Text className="volunteer-card__title">扫码签到 / 签退</Text>
        <Text className="volunteer-card__note">扫描活动现场组织者手机上的二维码（每分钟更换）。</Text>
        {CAN_SCAN ? (
          <Button className="volunteer-button" onClick={scan}>
            扫一扫
          </Button>
        ) : (
          <View className="paste-code">
            <Input
              id="checkin-code"
              className="paste-code__input"
              placeholder="粘贴签到码"
              value={pasted}
              onInput={(e) => setPasted(e.detail.value)}
            />
            <Button className="volunteer-button" onClick={() => submit(pasted)}>
              签到
            </Button>
          </View>
        )}
      </View>

      <View className="volunteer-card my-code">
        <Text className="volunteer-card__title">我的签到码</Text>
        {mine.code ? (
          <QrImage id="my-checkin-code" text={mine.code} stale={mine.loading} label="我的签到码" />
        ) : pass ? (
          <QrImage id="my-offline-pass" text={pass.code} label="我的离线签到码" />
        ) : (
          <Text className="volunteer-card__note my-code__blank">{mine.error || '正在生成…'}</Text>
        )}
        {!mine.code && pass ? (
          <Text className="volunteer-card__note" id="my-offline-pass-note">
            {`离线签到码 · ${pass.callTitle} ${pass.session ?? formatTimeRange(pass.startAt, pass.endAt)}，本场当天有效，组织者没有网络也能扫`}
          </Text>
        ) : (
          <Text className="volunteer-card__note">
            没法扫码时，请组织者扫这个码为你签到{mine.code ? ` · ${mine.secondsLeft} 秒后更新` : ''}
          </Text>
        )}
        {!mine.code && passes.length > 1 && (
          <Text
            id="my-offline-pass-next"
            className="volunteer-card__note my-code__next"
            onClick={() => setPassIndex((i) => i + 1)}
            {...asButton('换一个活动的签到码')}
          >
            {`换一个活动（${(passIndex % passes.length) + 1}/${passes.length}）`}
          </Text>
        )}
        {!CAN_SCAN && (mine.code || pass) && (
          <Text className="my-code__text" selectable>
            {mine.code || pass?.code}
          </Text>
        )}
      </View>
    </View>
  )
}

function Done({ data }: { data: CheckInResponse }) {
  const { attendance, call } = data
  const out = attendance.checkedOutAt !== undefined
  return (
    <View className="checkin-result checkin-result--done" id="checkin-done">
      <Text className="checkin-result__title">{out ? '签退成功' : '签到成功'}</Text>
      <Text className="checkin-result__note">{call.title}</Text>
      {attendance.session ? (
        <Text className="checkin-result__note" id="checkin-session">
          {`本场：${attendance.session}${attendance.role ? ` · ${attendance.role}` : ''}`}
        </Text>
      ) : (
        <Text className="checkin-result__note">{formatTimeRange(call.startAt, call.endAt)}</Text>
      )}
      {out && attendance.hours !== undefined && (
        <Text className="checkin-result__note">本次时长 {attendance.hours} 小时，待组织者确认</Text>
      )}
    </View>
  )
}
