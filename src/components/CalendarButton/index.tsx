// 「添加到手机日历」: the call's time, place and an alarm, into the phone's calendar (an .ics file in the browser).
import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CallCard } from '@core/calls/contract'
import { calendarEntry } from '@core/calls/calendar'
import { addToCalendar } from '@services/calls/calendar'
import './index.scss'

interface Props {
  call: Pick<CallCard, '_id' | 'title' | 'city' | 'address' | 'startAt' | 'endAt' | 'ngoName'>
  className?: string
}

export default function CalendarButton({ call, className = '' }: Props) {
  const add = async () => {
    if (await addToCalendar(calendarEntry(call))) Taro.showToast({ title: '已添加到日历', icon: 'success' })
  }
  return (
    <Button className={`calendar-button ${className}`} onClick={add}>
      添加到手机日历
    </Button>
  )
}
