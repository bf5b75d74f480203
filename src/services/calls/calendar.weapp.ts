// WeChat asks the person itself before writing to the phone's calendar; backing out is not an error.
import Taro from '@tarojs/taro'
import type { AddToCalendar } from './calendar'

export const addToCalendar: AddToCalendar = async (entry) => {
  try {
    await Taro.addPhoneCalendar({
      title: entry.title,
      location: entry.place,
      description: entry.description,
      startTime: Math.floor(entry.startAt / 1000),
      // seconds, a number in WeChat's API (Taro's typings say string)
      endTime: Math.floor(entry.endAt / 1000) as unknown as string,
      alarm: true,
      alarmOffset: entry.alarmMinutes * 60,
    })
    return true
  } catch {
    return false
  }
}
