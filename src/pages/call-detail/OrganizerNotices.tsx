// 组织者通知: what the organizers told this call's volunteers, newest first, for those it addressed. The page shows
// it only to someone signed up (organizers read the notices in the roster); which notices addressed them is the
// function's to say.
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { CallDetail } from '@core/calls/contract'
import type { NoticeView } from '@core/messages/contract'
import { formatTime } from '@components/format'
import { callNotices } from '@services/messages/notices'
import './OrganizerNotices.scss'

/** `call`: the call as the page last read it (read again on every show: so are its notices) */
export default function OrganizerNotices({ call }: { call: CallDetail }) {
  const [notices, setNotices] = useState<NoticeView[]>([])

  useEffect(() => {
    let live = true
    callNotices({ callId: call._id }).then((result) => {
      if (live) setNotices(result.ok ? result.data.notices : [])
    })
    return () => {
      live = false
    }
  }, [call])

  if (notices.length === 0) return null
  return (
    <View className="detail-page__section organizer-notices" id="organizer-notices">
      <Text className="detail-page__subtitle">组织者通知</Text>
      {notices.map((n) => (
        <View key={n._id} className="organizer-notice">
          <Text className="organizer-notice__text" userSelect>
            {n.text}
          </Text>
          <Text className="organizer-notice__meta">
            {n.from} · {formatTime(n.createdAt)}
          </Text>
        </View>
      ))}
    </View>
  )
}
