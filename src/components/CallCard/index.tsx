// One open call in the list: cover, title, NGO, when, where, places left.
import { Text, View } from '@tarojs/components'
import type { CallCard as Call } from '@core/calls/contract'
import CallCover from '@components/CallCover'
import Icon from '@components/Icon'
import SpotsLabel, { spotsText } from '@components/SpotsLabel'
import { asButton } from '@components/a11y'
import { formatTime } from '@components/format'
import './index.scss'

interface Props {
  call: Call
  onOpen: (call: Call) => void
}

/**
 * The places of a call of several sessions, over all of them: 「3 个批次 · 还剩 42 个名额」 as the server says it
 * (an older server sent only the count and the sums); undefined for a call of one session.
 */
export function batchesText(call: Pick<Call, 'sessionCount' | 'spotsLeft' | 'places'>): string | undefined {
  if (call.places) return call.places
  if (!call.sessionCount) return undefined
  return `${call.sessionCount} 个批次 · ${call.spotsLeft > 0 ? `还剩 ${call.spotsLeft} 个名额` : '已满'}`
}

/** What a screen reader says for the whole card (its parts are read as one button). */
export function cardLabel(call: Call): string {
  return [
    call.title,
    call.ngoName,
    formatTime(call.startAt),
    `${call.city} ${call.address}`,
    batchesText(call) ?? spotsText(call.spotsLeft),
  ]
    .filter(Boolean)
    .join('，')
}

export default function CallCard({ call, onOpen }: Props) {
  return (
    <View
      className="call-card"
      id={`call-${call._id}`}
      onClick={() => onOpen(call)}
      {...asButton(cardLabel(call), { namedByContent: true })}
    >
      <CallCover cover={call.cover} tags={call.tags} size="card" />
      <View className="call-card__body">
        <Text className="call-card__title">{call.title}</Text>
        <Text className="call-card__ngo">{call.ngoName}</Text>
        <View className="call-card__row">
          <Icon className="call-card__icon" name="clock" size={26} label="时间" />
          <Text className="call-card__text">{formatTime(call.startAt)}</Text>
        </View>
        <View className="call-card__row">
          <Icon className="call-card__icon" name="pin" size={26} label="地点" />
          <Text className="call-card__text">
            {call.city} · {call.address}
          </Text>
        </View>
        <View className="call-card__footer">
          <View className="call-card__tags">
            {call.tags.slice(0, 3).map((tag) => (
              <Text key={tag} className="call-card__tag">
                {tag}
              </Text>
            ))}
          </View>
          {call.sessionCount ? (
            <Text className={`spots ${call.spotsLeft <= 0 ? 'spots--full' : ''}`}>{batchesText(call)}</Text>
          ) : (
            <SpotsLabel spotsLeft={call.spotsLeft} />
          )}
        </View>
      </View>
    </View>
  )
}
