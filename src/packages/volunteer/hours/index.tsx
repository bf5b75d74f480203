// 我的 → 志愿时长: the hours the NGOs confirmed (the only ones that count), by NGO and by year, and each event with
// its state: 已确认 (with its certificate), 待确认 (the NGO has not confirmed yet) or 缺席. On a call of several
// sessions each session served is an event of its own, with its date and time (and role).
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { HoursEvent, MyHoursResponse } from '@core/attendance/contract'
import EmptyState from '@components/EmptyState'
import { asButton } from '@components/a11y'
import LoadFailed from '@components/LoadFailed'
import { formatTime } from '@components/format'
import { myHours } from '@services/attendance/attendance'
import './index.scss'

type State =
  { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; data: MyHoursResponse }

const EVENT_STATUS: Record<HoursEvent['status'], string> = {
  confirmed: '已确认',
  pending: '待确认',
  no_show: '缺席',
}

export default function MyHoursPage() {
  const [state, setState] = useState<State>({ phase: 'loading' })

  const load = async () => {
    const result = await myHours()
    setState(result.ok ? { phase: 'ready', data: result.data } : { phase: 'error', message: result.message })
  }

  useDidShow(() => {
    load()
  })
  usePullDownRefresh(async () => {
    await load()
    Taro.stopPullDownRefresh()
  })

  if (state.phase === 'loading') return <View className="my-hours">加载中…</View>
  if (state.phase === 'error') return <LoadFailed message={state.message} onRetry={load} />
  const { total, byNgo, byYear, events } = state.data

  return (
    <View className="my-hours">
      <View className="hours-total" id="hours-total">
        <Text className="hours-total__value">{total}</Text>
        <Text className="hours-total__label">志愿时长（小时，经机构确认）</Text>
      </View>

      {events.length === 0 ? (
        <EmptyState
          icon="clock"
          title="还没有志愿时长"
          description="参加活动时在现场扫码签到、签退，机构确认后时长会出现在这里"
        />
      ) : (
        <View>
          {byNgo.length > 0 && (
            <View className="volunteer-card">
              <Text className="volunteer-card__title">按机构</Text>
              {byNgo.map((row) => (
                <View key={row.ngoId} className="hours-line">
                  <Text>{row.ngoName}</Text>
                  <Text className="hours-line__value">{row.hours} 小时</Text>
                </View>
              ))}
            </View>
          )}
          {byYear.length > 0 && (
            <View className="volunteer-card">
              <Text className="volunteer-card__title">按年份</Text>
              {byYear.map((row) => (
                <View key={row.year} className="hours-line">
                  <Text>{row.year} 年</Text>
                  <Text className="hours-line__value">{row.hours} 小时</Text>
                </View>
              ))}
            </View>
          )}
          <View className="volunteer-card">
            <Text className="volunteer-card__title">参加的活动 · {events.length}</Text>
            {events.map((event) => (
              <EventRow key={event.signUpId} event={event} />
            ))}
          </View>
        </View>
      )}
    </View>
  )
}

function EventRow({ event }: { event: HoursEvent }) {
  const { call } = event
  const certificate = () =>
    Taro.navigateTo({ url: `/packages/volunteer/certificate/index?signUpId=${event.signUpId}` })
  return (
    <View className="hours-event" id={`event-${event.signUpId}`}>
      <View className="hours-event__main">
        <View className="hours-event__info">
          <Text className="hours-event__title">{call.title}</Text>
          {event.session ? (
            <View>
              <Text className="hours-event__session">
                {event.role ? `${event.session} · ${event.role}` : event.session}
              </Text>
              <Text className="hours-event__meta">{call.ngoName}</Text>
            </View>
          ) : (
            <Text className="hours-event__meta">
              {[formatTime(call.startAt), call.ngoName, event.role].filter(Boolean).join(' · ')}
            </Text>
          )}
        </View>
        <View className="hours-event__hours">
          <Text className="hours-event__value">
            {event.status === 'no_show' ? '—' : `${event.hours} 小时`}
          </Text>
          <Text className={`hours-event__status hours-event__status--${event.status}`}>
            {EVENT_STATUS[event.status]}
          </Text>
        </View>
      </View>
      {event.companions && (
        <View className="hours-event__companions" id={`event-companions-${event.signUpId}`}>
          {event.companions.map((companion, i) => (
            <Text key={i} className="hours-event__companion">
              {companion.kind === 'child' ? '同行儿童' : '同行'}：{companion.name}
              {companion.kind === 'child' ? `（${companion.age ?? '?'} 岁）` : ''}
              {event.status === 'no_show' ? '' : ` · ${companion.hours} 小时`}
            </Text>
          ))}
        </View>
      )}
      {event.status === 'confirmed' && (
        <Text
          className="hours-event__certificate"
          onClick={certificate}
          {...asButton(`${call.title}的志愿服务证明`, { namedByContent: true })}
        >
          {event.certificateNo ? `志愿服务证明 ${event.certificateNo}` : '查看志愿服务证明'} ›
        </Text>
      )}
    </View>
  )
}
