// Opened from an owner's invitation (share card or link, `code`) or by typing the code: join as a co-organizer.
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { joinNgo } from '@services/ngos/ngo'
import Field from '../Field'
import '../console.scss'

export default function JoinPage() {
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})

  useLoad((params: Record<string, string | undefined>) => setCode(params.code ?? ''))

  const join = async () => {
    const result = await joinNgo({ code: code.trim(), name })
    if (!result.ok) {
      setErrors(result.fields ?? {})
      return Taro.showToast({ title: result.message, icon: 'none' })
    }
    await Taro.showToast({ title: `已加入${result.data.ngo.name}`, icon: 'success' })
    Taro.redirectTo({ url: '/packages/ngo/dashboard/index' })
  }

  return (
    <View className="console">
      <View className="console-card">
        <Text className="console-title">成为组织者</Text>
        <Text className="console-note">加入后可以和机构的其他组织者一起发布活动、查看报名名单。</Text>
        <Field label="邀请码" error={errors.code}>
          <Input
            id="invite-code"
            className="field__input"
            value={code}
            onInput={(e) => setCode(e.detail.value)}
          />
        </Field>
        <Field label="你的称呼" error={errors.name}>
          <Input
            id="organizer-name"
            className="field__input"
            placeholder="其他组织者会看到"
            value={name}
            onInput={(e) => setName(e.detail.value)}
          />
        </Field>
      </View>
      <Button className="console-button console-button--primary" onClick={join}>
        加入
      </Button>
    </View>
  )
}
