// The big rotating QR the volunteers scan: 签到码 or 签退码, with the seconds until the next one. On a call of
// several sessions the code is the chosen session's, and says so under the QR.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { AttendanceMode, AttendanceSession } from '@core/attendance/contract'
import QrImage from '@components/QrImage'
import { useRotatingCode } from '@components/QrImage/use-rotating-code'
import { checkInCode } from '@services/attendance/attendance'

interface Props {
  callId: string
  mode: AttendanceMode
  /** the session shown ('' on a call of one session) */
  sessionId: string
  active: boolean
}

export default function CodePanel({ callId, mode, sessionId, active }: Props) {
  // the session the function made the code for (a call of several sessions), shown under the QR
  const [session, setSession] = useState<AttendanceSession>()
  const { code, secondsLeft, error, loading } = useRotatingCode(
    async () => {
      const result = await checkInCode(sessionId ? { callId, mode, sessionId } : { callId, mode })
      setSession(result.ok ? result.data.session : undefined)
      return result
    },
    `${callId}.${sessionId}.${mode}`,
    active && callId !== '',
  )
  const word = mode === 'in' ? '签到' : '签退'
  return (
    <View className="console-card checkin-code">
      {code ? (
        <QrImage id="checkin-qr" text={code} stale={loading} label={`${word}二维码，请志愿者扫描`} />
      ) : (
        <View className="checkin-code__blank">
          <Text className="console-note">{error || '正在生成…'}</Text>
        </View>
      )}
      <Text className="checkin-code__caption">
        {word}码{code ? ` · ${secondsLeft} 秒后更新` : ''}
      </Text>
      {code && session && (
        <Text className="checkin-code__session" id="checkin-code-session">
          仅限本场：{session.label}
        </Text>
      )}
      <Text className="console-note checkin-code__hint">
        请志愿者在举手「我的 → 扫码签到」扫描；二维码每分钟更换，截图无效
      </Text>
    </View>
  )
}
