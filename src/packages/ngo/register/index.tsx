// NGO registration from a phone: name, place, causes, intro, contact. A rejected registration comes back here
// filled in, to be corrected and sent again.
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import type { RegisterNgoRequest } from '@core/ngos/contract'
import {
  CAUSES,
  CONTACT_NAME_MAX_LENGTH,
  NGO_INTRO_MAX_LENGTH,
  NGO_NAME_MAX_LENGTH,
  PROVINCES,
  provinceOf,
} from '@core/ngos/ngo'
import { CITY_MAX_LENGTH } from '@core/calls/validate'
import { myNgo, registerNgo } from '@services/ngos/ngo'
import { pickImage, uploadImage, type ImageFolder } from '@services/cloud/upload'
import Field from '../Field'
import '../console.scss'

const EMPTY: RegisterNgoRequest = {
  name: '',
  province: '',
  city: '',
  causes: [],
  intro: '',
  contactName: '',
  contactPhone: '',
}

export default function RegisterPage() {
  const [form, setForm] = useState<RegisterNgoRequest>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [sending, setSending] = useState(false)

  useLoad(async () => {
    const mine = await myNgo()
    const ngo = mine.ok ? mine.data.ngo : null
    if (ngo?.status !== 'rejected') return
    const province = provinceOf(ngo.city)
    setForm({
      name: ngo.name,
      province,
      city: ngo.city.split('·')[1] ?? province,
      causes: ngo.causes,
      intro: ngo.intro,
      contactName: ngo.contactName,
      contactPhone: ngo.contactPhone,
    })
  })

  const set = (patch: Partial<RegisterNgoRequest>) => setForm((f) => ({ ...f, ...patch }))
  const toggleCause = (cause: string) =>
    set({
      causes: form.causes.includes(cause) ? form.causes.filter((c) => c !== cause) : [...form.causes, cause],
    })

  const pick = async (folder: ImageFolder, key: 'logo' | 'certificate') => {
    try {
      const picked = await pickImage()
      if (picked) set({ [key]: await uploadImage(picked, folder) })
    } catch (err) {
      if (!String((err as Error)?.message ?? err).includes('cancel'))
        Taro.showToast({ title: '上传失败，请重试', icon: 'none' })
    }
  }

  const submit = async () => {
    setSending(true)
    const result = await registerNgo(form)
    setSending(false)
    if (result.ok) {
      setErrors({})
      await Taro.showToast({ title: '已提交审核', icon: 'success' })
      Taro.redirectTo({ url: '/packages/ngo/dashboard/index' })
      return
    }
    setErrors(result.fields ?? {})
    Taro.showToast({ title: result.message, icon: 'none' })
  }

  return (
    <View className="console">
      <View className="console-card">
        <Text className="console-title">机构信息</Text>
        <Field label="机构名称" error={errors.name} count={{ text: form.name, max: NGO_NAME_MAX_LENGTH }}>
          <Input
            id="ngo-name"
            className="field__input"
            placeholder="如：青山环保社"
            value={form.name}
            onInput={(e) => set({ name: e.detail.value })}
          />
        </Field>
        <Field label="省份" error={errors.province}>
          <Picker
            mode="selector"
            range={PROVINCES}
            value={Math.max(0, PROVINCES.indexOf(form.province))}
            onChange={(e) => set({ province: PROVINCES[Number(e.detail.value)] })}
          >
            <Text id="ngo-province" className="field__input">
              {form.province || '请选择省份'}
            </Text>
          </Picker>
        </Field>
        <Field label="城市" error={errors.city} count={{ text: form.city, max: CITY_MAX_LENGTH }}>
          <Input
            id="ngo-city"
            className="field__input"
            placeholder="如：杭州"
            value={form.city}
            onInput={(e) => set({ city: e.detail.value })}
          />
        </Field>
        <Field label="关注领域" error={errors.causes}>
          <View className="chips">
            {CAUSES.map((cause) => (
              <Text
                key={cause}
                className={`chip ${form.causes.includes(cause) ? 'chip--on' : ''}`}
                onClick={() => toggleCause(cause)}
              >
                {cause}
              </Text>
            ))}
          </View>
        </Field>
        <Field label="机构简介" error={errors.intro} count={{ text: form.intro, max: NGO_INTRO_MAX_LENGTH }}>
          <Textarea
            id="ngo-intro"
            className="field__textarea"
            placeholder="你们做什么、在哪里做、做了多久"
            maxlength={500}
            value={form.intro}
            onInput={(e) => set({ intro: e.detail.value })}
          />
        </Field>
      </View>
      <View className="console-card">
        <Text className="console-title">图片（选填）</Text>
        <Field label="机构标志" error={errors.logo}>
          <Text className="chip" onClick={() => pick('logos', 'logo')}>
            {form.logo ? '已上传，点此更换' : '上传标志'}
          </Text>
        </Field>
        <Field label="统一社会信用代码（已登记的机构填写）" error={errors.creditCode}>
          <Input
            id="credit-code"
            className="field__input"
            maxlength={22}
            placeholder="登记证书上的18位代码；未登记的草根团体可不填"
            value={form.creditCode ?? ''}
            onInput={(e) => set({ creditCode: e.detail.value })}
          />
        </Field>
        <Field label="登记证书（仅平台审核时查看）" error={errors.certificate}>
          <Text className="chip" onClick={() => pick('certificates', 'certificate')}>
            {form.certificate ? '已上传，点此更换' : '上传证书照片'}
          </Text>
        </Field>
        <Text className="console-note">图片经内容安全审核通过后才会显示。</Text>
      </View>
      <View className="console-card">
        <Text className="console-title">联系人</Text>
        <Field
          label="联系人姓名"
          error={errors.contactName}
          count={{ text: form.contactName, max: CONTACT_NAME_MAX_LENGTH }}
        >
          <Input
            id="contact-name"
            className="field__input"
            value={form.contactName}
            onInput={(e) => set({ contactName: e.detail.value })}
          />
        </Field>
        <Field label="联系电话" error={errors.contactPhone}>
          <Input
            id="contact-phone"
            className="field__input"
            type="number"
            value={form.contactPhone}
            onInput={(e) => set({ contactPhone: e.detail.value })}
          />
        </Field>
        <Text className="console-note">
          提交后由平台审核，通常一个工作日内完成；审核通过前可以先编辑活动草稿。
        </Text>
      </View>
      <Button className="console-button console-button--primary" loading={sending} onClick={submit}>
        提交审核
      </Button>
    </View>
  )
}
