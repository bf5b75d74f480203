// The call editor: every field of a call, its sessions (one, a list, or made by a weekly or daily rule, with a
// preview) and roles, the questions editor, then save as a draft, preview it as a volunteer sees it, or publish.
// The form is checked by the server's own validator (validateCallForm) before it is sent, so the same messages
// show under the same controls. Opened with `ngoId` for a new call or `id` for a draft; for a published call, `id`
// opens its edits: time and place, and its sessions and places (SessionManager).
import { Button, Input, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { ADDRESS_MAX_LENGTH } from '@core/calls/call-edit'
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, validateCallForm } from '@core/calls/call-form'
import type { CallDetail, CallForm, RoleForm, SessionForm } from '@core/calls/contract'
import { sessionsFromRule, validateRepeatRule } from '@core/calls/repeat'
import { MAX_SLOTS } from '@core/calls/slots'
import { DEFAULT_REMINDER_LEAD, REMINDER_LEADS } from '@core/messages/reminders'
import { CITY_MAX_LENGTH } from '@core/calls/validate'
import { getCall, updateCall } from '@services/cloud/api'
import { publishCall, saveCall } from '@services/ngos/ngo'
import { pickImage, uploadImage } from '@services/cloud/upload'
import { asButton, asCheckbox, asField } from '@components/a11y'
import RepeatRuleEditor, { draftOf, ruleFrom, ruleOf, type RuleDraft } from '@components/RepeatRuleEditor'
import RoleEditor from '@components/RoleEditor'
import SessionListEditor from '@components/SessionListEditor'
import PickerChip from '@components/PickerChip'
import RoleManager from '@components/RoleManager'
import SessionManager from '@components/SessionManager'
import Field from '../Field'
import { chinaMs, DAY, dateOf, nextWeekAt9, timeOf } from './china-time'
import PlacePicker from './components/PlacePicker'
import QuestionsEditor from './components/QuestionsEditor'
import InsuranceSetting from './components/InsuranceSetting'
import CompanionsSetting from './components/CompanionsSetting'
import '../console.scss'
import './index.scss'

const HOUR = 3_600_000
const WEEK = 7 * DAY

/** 临时退出: none, or this many hours before (each) session */
const CANCEL_LEADS = [0, 2, 12, 24, 48] as const

/** one session (the call's own times), a list of sessions, or sessions made by a rule */
type SessionMode = 'one' | 'list' | 'rule'
const MODES: Array<[SessionMode, string]> = [
  ['one', '一个场次'],
  ['list', '多个场次'],
  ['rule', '按规则重复'],
]

/** the fields whose errors follow the form as it changes, once a save was tried: sessions, roles, the rule */
const followsForm = (key: string) =>
  /^(sessions|roles)(\.|$)/.test(key) || key.startsWith('repeat.') || key === 'maxSlotsPerPerson'

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
  /** the published call as the server last answered it (its sessions and slots) */
  const [detail, setDetail] = useState<CallDetail | undefined>()
  const [mode, setMode] = useState<SessionMode>('one')
  const [sessions, setSessions] = useState<SessionForm[]>([])
  const [rule, setRule] = useState<RuleDraft>(() => ruleFrom(form))
  const [roles, setRoles] = useState<RoleForm[]>([])
  /** 每人最多报名 N 个场次 (undefined: no limit) */
  const [maxSlots, setMaxSlots] = useState<number | undefined>()
  /** a save was tried: errors of sessions, roles and the rule now follow the form as it changes */
  const [tried, setTried] = useState(false)

  useLoad(async (params: Record<string, string | undefined>) => {
    setNgoId(params.ngoId)
    if (!params.id) return
    setCallId(params.id)
    const found = await getCall({ callId: params.id, fresh: true })
    if (!found.ok) return Taro.showToast({ title: found.message, icon: 'none' })
    const c = found.data
    setPublished(c.status !== 'draft')
    if (c.status !== 'draft') setDetail(c)
    // a draft made by a rule reopens its rule; one of listed sessions, its list
    if (c.repeat) {
      setMode('rule')
      setRule(draftOf(c.repeat))
    } else if (c.sessions.length > 1) {
      setMode('list')
      setSessions(
        c.sessions.map(({ name, startAt, endAt, address }) => ({
          ...(name ? { name } : {}),
          startAt,
          endAt,
          ...(address ? { address } : {}),
        })),
      )
    }
    setRoles(c.roles.map(({ name, description, capacity }) => ({ name, description, capacity })))
    setMaxSlots(c.maxSlotsPerPerson)
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
      cancelLeadHours: c.cancelLeadHours,
      reminderLeadHours: c.reminderLeadHours,
      capacity: c.capacity,
      waitlist: c.waitlist,
      questions: c.questions,
      insurance: c.insurance,
      companions: c.companions,
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

  const chooseMode = (next: SessionMode) => {
    if (next === mode) return
    if (next === 'list' && sessions.length === 0) {
      // the call's own session, and the same a week later: a second batch to start from
      const first = { startAt: form.startAt, endAt: form.endAt }
      setSessions([first, { startAt: first.startAt + WEEK, endAt: first.endAt + WEEK }])
    }
    if (next === 'rule') setRule(ruleFrom(mode === 'list' && sessions[0] ? sessions[0] : form))
    if (next === 'one' && mode === 'list' && sessions[0]) {
      set({ startAt: sessions[0].startAt, endAt: sessions[0].endAt })
    }
    setMode(next)
  }

  /** The form as saveCall takes it: the sessions of the chosen mode, the roles, the cap per volunteer. */
  const payload = (): CallForm => {
    const tags = tagsText.split(/[\s,，、]+/).filter((t) => t !== '')
    const out: CallForm = { ...form, tags }
    delete out.sessions
    delete out.repeat
    let planned: Array<{ startAt: number; endAt: number }> = []
    if (mode === 'list') {
      out.sessions = sessions
      planned = sessions
    } else if (mode === 'rule') {
      out.repeat = ruleOf(rule)
      const checked = validateRepeatRule(out.repeat)
      planned = checked.ok ? sessionsFromRule(checked.value) : []
    }
    if (planned.length) {
      out.startAt = Math.min(...planned.map((p) => p.startAt))
      out.endAt = Math.max(...planned.map((p) => p.endAt))
    }
    if (roles.length) out.roles = roles
    else delete out.roles
    if (mode !== 'one' && maxSlots !== undefined) out.maxSlotsPerPerson = maxSlots
    else delete out.maxSlotsPerPerson
    return out
  }
  const checked = validateCallForm(payload(), 'draft')
  const liveErrors: Record<string, string> = checked.ok ? {} : checked.fields
  /** what each control shows: the last save's messages, those of sessions and roles as the form now is */
  const shown: Record<string, string> = tried
    ? {
        ...Object.fromEntries(Object.entries(errors).filter(([key]) => !followsForm(key))),
        ...Object.fromEntries(Object.entries(liveErrors).filter(([key]) => followsForm(key))),
      }
    : errors

  /** Saves the form; the draft's id, or undefined with the messages shown. */
  const save = async (): Promise<string | undefined> => {
    const draft = payload()
    setTried(true)
    // the server's own check first: the same messages under the same controls, nothing sent
    const local = validateCallForm(draft, 'draft')
    if (!local.ok) {
      setErrors(local.fields)
      Taro.showToast({ title: Object.values(local.fields)[0] ?? '请检查标红的内容', icon: 'none' })
      return undefined
    }
    const result = await saveCall({ ...draft, ...(callId ? { callId } : { ngoId }) })
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
      // a call of several slots has its times and places per session, changed in 场次 above
      ...(several ? {} : { startAt: form.startAt, endAt: form.endAt, capacity: form.capacity }),
      signupDeadline: form.signupDeadline,
      city: form.city,
      address: form.address,
      ...(form.location ? { location: form.location } : {}),
      reminderLeadHours: form.reminderLeadHours ?? DEFAULT_REMINDER_LEAD,
      cancelLeadHours: form.cancelLeadHours ?? null,
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

  /** the published call has slots: its times and places are edited per session (updateCall refuses them) */
  const several = !!detail && (detail.sessions.length > 1 || detail.roles.length > 0)
  /** the call has (or will have) several sessions */
  const multi = published ? !!detail && detail.sessions.length > 1 : mode !== 'one'

  const sessionsCard = (
    <View className="console-card" id="call-sessions">
      <Text className="console-title">场次</Text>
      {several ? (
        detail && <SessionManager call={detail} onChange={setDetail} />
      ) : (
        <>
          {!published && (
            <View className="chips call-session-modes">
              {MODES.map(([key, label]) => (
                <Text
                  key={key}
                  id={`call-mode-${key}`}
                  className={`chip ${mode === key ? 'chip--on' : ''}`}
                  onClick={() => chooseMode(key)}
                  {...asCheckbox(label, mode === key, 'radio')}
                >
                  {label}
                </Text>
              ))}
            </View>
          )}
          {mode === 'one' && (
            <>
              <Field label="开始" error={shown.startAt}>
                <View className="chips">
                  <PickerChip
                    className="chip"
                    mode="date"
                    label="开始日期"
                    value={dateOf(form.startAt)}
                    onChange={(value) => setStart(value, timeOf(form.startAt))}
                  />
                  <PickerChip
                    className="chip"
                    mode="time"
                    label="开始时间"
                    value={timeOf(form.startAt)}
                    onChange={(value) => setStart(dateOf(form.startAt), value)}
                  />
                </View>
              </Field>
              <Field label="结束" error={shown.endAt}>
                <View className="chips">
                  <PickerChip
                    className="chip"
                    mode="date"
                    label="结束日期"
                    value={dateOf(form.endAt)}
                    onChange={(value) => set({ endAt: chinaMs(value, timeOf(form.endAt)) })}
                  />
                  <PickerChip
                    className="chip"
                    mode="time"
                    label="结束时间"
                    value={timeOf(form.endAt)}
                    onChange={(value) => set({ endAt: chinaMs(dateOf(form.endAt), value) })}
                  />
                </View>
              </Field>
            </>
          )}
          {mode === 'list' && <SessionListEditor sessions={sessions} errors={shown} onChange={setSessions} />}
          {mode === 'rule' && <RepeatRuleEditor draft={rule} errors={shown} onChange={setRule} />}
          {published && detail && <SessionManager call={detail} onChange={setDetail} />}
        </>
      )}
    </View>
  )

  return (
    <View className="console">
      {published && (
        <Text className="console-banner console-banner--warn">
          活动已发布：可以修改时间、地点和名额，添加、修改或取消场次，添加岗位；时间地点变了，已报名的志愿者会收到通知。
        </Text>
      )}
      {published && sessionsCard}
      <View className="console-card">
        <Text className="console-title">活动内容</Text>
        <Field label="标题" error={shown.title} count={{ text: form.title, max: TITLE_MAX_LENGTH }}>
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
          error={shown.description}
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
        <Field label="封面" error={shown.cover}>
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
              <Text className="chip" onClick={() => set({ cover: undefined })} {...asButton('不用封面')}>
                不用封面
              </Text>
            )}
          </View>
          <Text className="console-note">
            {form.cover ? '已上传：保存后经内容安全审核，通过后才对志愿者显示' : '不选则使用按标签生成的封面'}
          </Text>
        </Field>
        <Field label="标签（空格分隔）" error={shown.tags}>
          <Input
            id="call-tags"
            disabled={published}
            className="field__input"
            value={tagsText}
            onInput={(e) => setTagsText(e.detail.value)}
          />
        </Field>
      </View>
      {!published && sessionsCard}
      <View className="console-card">
        <Text className="console-title">报名和地点</Text>
        <Field label="报名截止" error={shown.signupDeadline}>
          <View className="chips">
            <PickerChip
              className="chip"
              mode="date"
              label="报名截止日期"
              value={dateOf(form.signupDeadline)}
              onChange={(value) => set({ signupDeadline: chinaMs(value, timeOf(form.signupDeadline)) })}
            />
            <PickerChip
              className="chip"
              mode="time"
              label="报名截止时间"
              value={timeOf(form.signupDeadline)}
              onChange={(value) => set({ signupDeadline: chinaMs(dateOf(form.signupDeadline), value) })}
            />
          </View>
        </Field>
        <Field label="城市" error={shown.city} count={{ text: form.city ?? '', max: CITY_MAX_LENGTH }}>
          <Input
            id="call-city"
            className="field__input"
            placeholder="如：浙江·杭州"
            value={form.city}
            onInput={(e) => set({ city: e.detail.value })}
          />
        </Field>
        <Field
          label={multi ? '集合地址（各场次默认）' : '集合地址'}
          error={shown.address}
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
        <Text className="console-title">岗位和名额</Text>
        {published ? (
          detail &&
          detail.roles.length > 0 && (
            <>
              <Text className="console-note">每场每个岗位的名额在上面的场次里修改。</Text>
              <RoleManager call={detail} onChange={setDetail} />
            </>
          )
        ) : (
          <>
            <Text className="console-note">
              选填：分工不同、各有名额时添加岗位，如「植树 20 人、后勤 5 人」，志愿者报名时选择岗位。
            </Text>
            <RoleEditor roles={roles} errors={shown} onChange={setRoles} />
          </>
        )}
        {roles.length > 0 && !published && (
          <Text className="console-note call-role-total">
            每场共 {roles.reduce((sum, r) => sum + (r.capacity || 0), 0)} 个名额（各岗位之和）
          </Text>
        )}
        {roles.length === 0 && !several && (
          <Field label={multi ? '每场人数上限' : '人数上限'} error={shown.capacity}>
            <Input
              id="call-capacity"
              className="field__input"
              type="number"
              value={form.capacity ? String(form.capacity) : ''}
              placeholder="例如 30"
              onInput={(e) => set({ capacity: Number(e.detail.value) || 0 })}
            />
          </Field>
        )}
        {multi && !published && (
          <View className="field">
            <View className="console-row">
              <Text>限制每人报名的场次数</Text>
              <Switch
                checked={maxSlots !== undefined}
                onChange={(e) => setMaxSlots(e.detail.value ? 1 : undefined)}
                {...asField('限制每人报名的场次数', 'switch')}
              />
            </View>
            {maxSlots !== undefined && (
              <View className="chips call-max-slots">
                <Text className="console-note">每人最多报名</Text>
                <Input
                  id="call-max-slots"
                  className="field__input call-max-slots__input"
                  type="number"
                  value={maxSlots ? String(maxSlots) : ''}
                  onInput={(e) => setMaxSlots(Number(e.detail.value) || 0)}
                  {...asField('每人最多报名几个场次')}
                />
                <Text className="console-note">个场次（最多 {MAX_SLOTS}）</Text>
              </View>
            )}
            {shown.maxSlotsPerPerson && <Text className="field__error">{shown.maxSlotsPerPerson}</Text>}
          </View>
        )}
        <View className="console-row">
          <Text>满员后可候补</Text>
          <Switch
            checked={form.waitlist}
            onChange={(e) => set({ waitlist: e.detail.value })}
            {...asField('满员后可候补', 'switch')}
          />
        </View>
        <Field label="活动提醒" error={shown.reminderLeadHours}>
          <View className="chips">
            {REMINDER_LEADS.map((hours) => (
              <Text
                key={hours}
                id={`call-reminder-${hours}`}
                className={`chip ${(form.reminderLeadHours ?? DEFAULT_REMINDER_LEAD) === hours ? 'chip--on' : ''}`}
                onClick={() => set({ reminderLeadHours: hours })}
                {...asCheckbox(
                  `开始前 ${hours} 小时提醒`,
                  (form.reminderLeadHours ?? DEFAULT_REMINDER_LEAD) === hours,
                  'radio',
                )}
              >
                开始前 {hours} 小时
              </Text>
            ))}
          </View>
        </Field>
        <Field label="临时退出" error={shown.cancelLeadHours}>
          <View className="chips">
            {CANCEL_LEADS.map((hours) => {
              const on = (form.cancelLeadHours ?? 0) === hours
              const label = hours ? `${multi ? '每场' : ''}开始前 ${hours} 小时内` : '不设'
              return (
                <Text
                  key={hours}
                  id={`call-cancel-lead-${hours}`}
                  className={`chip ${on ? 'chip--on' : ''}`}
                  onClick={() => set({ cancelLeadHours: hours || undefined })}
                  {...asCheckbox(label, on, 'radio')}
                >
                  {label}
                </Text>
              )
            })}
          </View>
          <Text className="console-note">
            {form.cancelLeadHours
              ? `这段时间内取消报名仍可以，但会记为临时退出，你在名单里能看到。`
              : '志愿者随时可以取消，不记临时退出。'}
          </Text>
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
            errors={shown}
            onChange={(questions) => set({ questions })}
          />
        )}
      </View>
      <InsuranceSetting
        value={form.insurance}
        published={published}
        errors={shown}
        onChange={(insurance) => set({ insurance })}
      />
      <CompanionsSetting
        value={form.companions}
        published={published}
        errors={shown}
        onChange={(companions) => set({ companions })}
      />
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
