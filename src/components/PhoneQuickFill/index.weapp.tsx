// On WeChat: the user taps, WeChat asks them to share the number bound to their account and hands us a
// single-use code, which the `api` function exchanges for the number. A refusal or a bad code leaves the field
// as it was, to be typed by hand.
import { Button, type ButtonProps } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { getPhoneNumber } from '@services/cloud/api'
import type { PhoneQuickFillProps } from './index'
import './index.scss'

export default function PhoneQuickFill({ onPhone }: PhoneQuickFillProps) {
  const [busy, setBusy] = useState(false)

  const receive = async (detail: ButtonProps.onGetPhoneNumberEventDetail) => {
    if (!detail.code) {
      // `getPhoneNumber:fail user deny` when refused; other failures say why in errMsg, which is not for users
      const denied = /deny|cancel/.test(detail.errMsg)
      Taro.showToast({ title: denied ? '未授权手机号，请手动填写' : '获取失败，请手动填写', icon: 'none' })
      return
    }
    setBusy(true)
    const result = await getPhoneNumber({ code: detail.code })
    setBusy(false)
    if (!result.ok) {
      Taro.showToast({ title: result.message, icon: 'none' })
      return
    }
    onPhone(result.data.phone)
  }

  return (
    <Button
      className="phone-quick-fill"
      openType="getPhoneNumber"
      disabled={busy || undefined}
      onGetPhoneNumber={(e) => receive(e.detail)}
    >
      {busy ? '获取中…' : '微信手机号快捷填写'}
    </Button>
  )
}
