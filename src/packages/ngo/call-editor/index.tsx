// The call editor: every field of a call, the questions editor, then save as a draft, preview it as a volunteer
// sees it, or publish. Opened with `ngoId` for a new call or `id` for a draft.
import { Button, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { ADDRESS_MAX_LENGTH } from '@core/calls/call-edit'
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from '@core/calls/call-form'
import type { CallForm } from '@core/calls/contract'
import { DEFAULT_REMINDER_LEAD, REMINDER_LEADS } from '@core/messages/reminders'
import { CITY_MAX_LENGTH } from '@core/calls/validate'
import { getCall, updateCall } from '@services/cloud/api'
import { publishCall, saveCall } from '@services/ngos/ngo'
import { pickImage, uploadImage } from '@services/cloud/upload'
import { asField } from '@components/a11y'
import Field from '../Field'
import { chinaMs, DAY, dateOf, nextWeekAt9, timeOf } from './china-time'
import PlacePicker from './components/PlacePicker'
import QuestionsEditor from './components/QuestionsEditor'
import '../console.scss'

const HOUR = 3_600_000

function blankForm(now: number): CallForm {
  const startAt = nextWeekAt9(now)
  return {
    title: '',
    description: '',
    tags: [],
    city: '',
    address: '',
    startAt,
    endAt: startAt + 3 * HOUR,
    signupDeadline: startAt - DAY,
    capacity: 20,
    waitlist: true,
    questions: [],
  }
}

export default function CallEditorPage() {
  const [form, setForm] = useState<CallForm>(() => blankForm(Date.now()))
  const [tagsText, setTagsText] = useState('')
  const [callId, setCallId] = useState<string | undefined>()
  const [ngoId, setNgoId] = useState<string | undefined>()
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState('')
  /** a published call: only time, place and capacity change, through updateCall (volunteers are told) */
  const [published, setPublished] = useState(false)

  useLoad(async (params: Record<string, string | undefined>) => {
    setNgoId(params.ngoId)
    if (!params.id) return
    setCallId(params.id)
    const found = await getCall({ callId: params.id })
    if (!found.ok) return Taro.showToast({ title: found.message, icon: 'none' })
    const c = found.data
    setPublished(c.status !== 'draft')
    setForm({
      title: c.title,
      description: c.description,
      cover: c.cover || undefined,
      tags: c.tags,
      city: c.city,
      address: c.address,
      location: c.location,
      startAt: c.startAt,
      endAt: c.endAt,
      signupDeadline: c.signupDeadline,
      cancelCutoff: c.cancelCutoff,
      reminderLeadHours: c.reminderLeadHours,
      capacity: c.capacity,
      waitlist: c.waitlist,
      questions: c.questions,
    })
    setTagsText(c.tags.join(' '))
  })

  const set = (patch: Partial<CallForm>) => setForm((f) => ({ ...f, ...patch }))
  const setStart = (date: string, time: string) => {
    const startAt = chinaMs(date, time)
    // the end keeps its length, the deadline its distance before the start
    set({
      startAt,
      endAt: startAt + (form.endAt - form.startAt),
      signupDeadline: startAt - (form.startAt - form.signupDeadline),
    })
  }

  /** Saves the form; the draft's id, or undefined with the messages shown. */
  const save = async (): Promise<string | undefined> => {
    const tags = tagsText.split(/[\s,，、]+/).filter((t) => t !== '')
    const result = await saveCall({ ...form, tags, ...(callId ? { callId } : { ngoId }) })
    if (!result.ok) {
      setErrors(result.fields ?? {})
      Taro.showToast({ title: result.message, icon: 'none' })
      return undefined
    }
    setErrors({})
    setCallId(result.data.call._id)
    return result.data.call._id
  }

  const run = (name: string, job: () => Promise<void>) => async () => {
    setBusy(name)
    await job()
    setBusy('')
  }

  const saveDraft = run('save', async () => {
    if (await save()) Taro.showToast({ title: '草稿已保存', icon: 'success' })
  })
  const preview = run('preview', async () => {
    const id = await save()
    if (id) Taro.navigateTo({ url: `/pages/call-detail/index?id=${id}` })
  })
  const publish = run('publish', async () => {
    const id = await save()
    if (!id) return
    const result = await publishCall({ callId: id })
    if (!result.ok) {
      setErrors(result.fields ?? {})
      Taro.showToast({ title: result.message, icon: 'none' })
      return
    }
    // The moment that recruits: a new call is found through shares, so the next step offered is sharing it.
    const { confirm: share } = await Taro.showModal({
      title: '活动已发布',
      content: '把它分享到志愿者群、朋友圈，或生成海报，转发越多报名越快。',
      confirmText: '去分享',
      cancelText: '看名单',
    })
    Taro.redirectTo({
      url: share ? `/pages/call-detail/index?id=${id}&share=1` : `/packages/ngo/roster/index?id=${id}`,
    })
  })

  const pickCover = run('cover', async () => {
    try {
      const picked = await pickImage()
      if (!picked) return
      set({ cover: await uploadImage(picked, 'covers') })
    } catch (err) {
      // closing the picker is not an error worth a message
      if (!String((err as Error)?.message ?? err).includes('cancel'))
        Taro.showToast({ title: '封面上传失败，请重试', icon: 'none' })
    }
  })

  const saveEdit = run('edit', async () => {
    if (!callId) return
    const result = await updateCall({
      callId,
      startAt: form.startAt,
      endAt: form.endAt,
      signupDeadline: form.signupDeadline,
      city: form.city,
      address: form.address,
      ...(form.location ? { location: form.location } : {}),
      capacity: form.capacity,
      reminderLeadHours: form.reminderLeadHours ?? DEFAULT_REMINDER_LEAD,
    })
    if (!result.ok) {
      setErrors(result.fields ?? {})
      Taro.showToast({ title: result.message, icon: 'none' })
      return
    }
    setErrors({})
    const told = result.data.notified
    await Taro.showToast({ title: told > 0 ? `已保存，已通知 ${told} 位志愿者` : '已保存', icon: 'none' })
    Taro.navigateBack()
  })

  return (
    <View className="console">
      {published && (
        <Text className="console-banner console-banner--warn">
          活动已发布：可以修改时间、地点和名额，已报名的志愿者会收到变更通知。
        </Text>
      )}
      <View className="console-card">
        <Text className="console-title">活动内容</Text>
        <Field label="标题" error={errors.title} count={{ text: form.title, max: TITLE_MAX_LENGTH }}>
          <Input
            id="call-title"
            disabled={published}
            className="field__input"
            value={form.title}
            onInput={(e) => set({ title: e.detail.value })}
          />
        </Field>
        <Field
          label="介绍"
          error={errors.description}
          count={{ text: form.description ?? '', max: DESCRIPTION_MAX_LENGTH }}
        >
          <Textarea
            id="call-description"
            disabled={published}
            className="field__textarea"
            maxlength={2000}
            placeholder="做什么、需要什么样的志愿者、有什么保障"
            value={form.description}
            onInput={(e) => set({ description: e.detail.value })}
          />
        </Field>
        <Field label="封面" error={errors.cover}>
          <View className="chips">
            <Button
              className="console-button"
              size="mini"
              disabled={published || undefined}
              loading={busy === 'cover'}
              onClick={pickCover}
            >
              {form.cover ? '更换封面' : '选择封面'}
            </Button>
            {form.cover && !published && (
              <Text className="chip" onClick={() => set({ cover: undefined })}>
                不用封面
              </Text>
            )}
          </View>
          <Text className="console-note">
            {form.cover ? '已上传：保存后经内容安全审核，通过后才对志愿者显示' : '不选则使用按标签生成的封面'}
          </Text>
        </Field>
        <Field label="标签（空格分隔）" error={errors.tags}>
          <Input
            id="call-tags"
            disabled={published}
            className="field__input"
            value={tagsText}
            onInput={(e) => setTagsText(e.detail.value)}
          />
        </Field>
      </View>
      <View className="console-card">
        <Text className="console-title">时间和地点</Text>
        <Field label="开始" error={errors.startAt}>
          <View className="chips">
            <Picker
              mode="date"
              value={dateOf(form.startAt)}
              onChange={(e) => setStart(e.detail.value, timeOf(form.startAt))}
            >
              <Text className="chip">{dateOf(form.startAt)}</Text>
            </Picker>
            <Picker
              mode="time"
              value={timeOf(form.startAt)}
              onChange={(e) => setStart(dateOf(form.startAt), e.detail.value)}
            >
              <Text className="chip">{timeOf(form.startAt)}</Text>
            </Picker>
          </View>
        </Field>
        <Field label="结束" error={errors.endAt}>
          <View className="chips">
            <Picker
              mode="date"
              value={dateOf(form.endAt)}
              onChange={(e) => set({ endAt: chinaMs(e.detail.value, timeOf(form.endAt)) })}
            >
              <Text className="chip">{dateOf(form.endAt)}</Text>
            </Picker>
            <Picker
              mode="time"
              value={timeOf(form.endAt)}
              onChange={(e) => set({ endAt: chinaMs(dateOf(form.endAt), e.detail.value) })}
            >
              <Text className="chip">{timeOf(form.endAt)}</Text>
            </Picker>
          </View>
        </Field>
        <Field label="报名截止" error={errors.signupDeadline}>
          <View className="chips">
            <Picker
              mode="date"
              value={dateOf(form.signupDeadline)}
              onChange={(e) => set({ signupDeadline: chinaMs(e.detail.value, timeOf(form.signupDeadline)) })}
            >
              <Text className="chip">{dateOf(form.signupDeadline)}</Text>
            </Picker>
            <Picker
              mode="time"
              value={timeOf(form.signupDeadline)}
              onChange={(e) => set({ signupDeadline: chinaMs(dateOf(form.signupDeadline), e.detail.value) })}
            >
              <Text className="chip">{timeOf(form.signupDeadline)}</Text>
            </Picker>
          </View>
        </Field>
        <Field label="城市" error={errors.city} count={{ text: form.city ?? '', max: CITY_MAX_LENGTH }}>
          <Input
            id="call-city"
            className="field__input"
            placeholder="如：浙江·杭州"
            value={form.city}
            onInput={(e) => set({ city: e.detail.value })}
          />
        </Field>
        <Field
          label="集合地址"
          error={errors.address}
          count={{ text: form.address ?? '', max: ADDRESS_MAX_LENGTH }}
        >
          <Input
            id="call-address"
            className="field__input"
            value={form.address}
            onInput={(e) => set({ address: e.detail.value })}
          />
          <PlacePicker picked={!!form.location} onPick={set} />
        </Field>
      </View>
      <View className="console-card">
        <Text className="console-title">名额</Text>
        <Field label="人数上限" error={errors.capacity}>
          <Input
            id="call-capacity"
            className="field__input"
            type="number"
            value={form.capacity ? String(form.capacity) : ''}
            placeholder="例如 30"
            onInput={(e) => set({ capacity: Number(e.detail.value) || 0 })}
          />
        </Field>
        <View className="console-row">
          <Text>满员后可候补</Text>
          <Switch
            checked={form.waitlist}
            onChange={(e) => set({ waitlist: e.detail.value })}
            {...asField('满员后可候补')}
          />
        </View>
        <Field label="活动提醒" error={errors.reminderLeadHours}>
          <View className="chips">
            {REMINDER_LEADS.map((hours) => (
              <Text
                key={hours}
                id={`call-reminder-${hours}`}
                className={`chip ${(form.reminderLeadHours ?? DEFAULT_REMINDER_LEAD) === hours ? 'chip--on' : ''}`}
                onClick={() => set({ reminderLeadHours: hours })}
              >
                开始前 {hours} 小时
              </Text>
            ))}
          </View>
        </Field>
      </View>
      <View className="console-card">
        <Text className="console-title">报名时要问的问题</Text>
        {published ? (
          <Text className="console-note">
            {form.questions.map((q) => q.title).join('、') || '没有问题'}
            （发布后不能修改，以免已有的回答对不上）
          </Text>
        ) : (
          <QuestionsEditor
            questions={form.questions}
            errors={errors}
            onChange={(questions) => set({ questions })}
          />
        )}
      </View>
      {published ? (
        <Button
          className="console-button console-button--primary"
          loading={busy === 'edit'}
          onClick={saveEdit}
        >
          保存修改
        </Button>
      ) : (
        <View className="console-actions">
          <Button className="console-button" loading={busy === 'save'} onClick={saveDraft}>
            保存草稿
          </Button>
          <Button className="console-button" loading={busy === 'preview'} onClick={preview}>
            预览
          </Button>
          <Button
            className="console-button console-button--primary"
            loading={busy === 'publish'}
            onClick={publish}
          >
            发布
          </Button>
        </View>
      )}
    </View>
  )
}
