// One open call in the list: cover, title, NGO, when, where, places left.
import { Text, View } from '@tarojs/components'
import type { CallCard as Call } from '../../core/api'
import CallCover from '../CallCover'
import SpotsLabel from '../SpotsLabel'
import { formatTime } from '../format'
import './index.scss'

interface Props {
  call: Call
  onOpen: (call: Call) => void
}

export default function CallCard({ call, onOpen }: Props) {
  return (
    <View className="call-card" id={`call-${call._id}`} onClick={() => onOpen(call)}>
      <CallCover cover={call.cover} tags={call.tags} size="card" />
      <View className="call-card__body">
        <Text className="call-card__title">{call.title}</Text>
        <Text className="call-card__ngo">{call.ngoName}</Text>
        <View className="call-card__row">
          <Text className="call-card__icon">🕘</Text>
          <Text className="call-card__text">{formatTime(call.startAt)}</Text>
        </View>
        <View className="call-card__row">
          <Text className="call-card__icon">📍</Text>
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
          <SpotsLabel spotsLeft={call.spotsLeft} />
        </View>
      </View>
    </View>
  )
}
