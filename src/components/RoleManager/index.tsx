// A published call's 岗位 as its organizer manages them: each role's name and what it does can change (saveRole);
// 添加岗位 adds one with its places in every session still ahead. Each slot's places change in the sessions above
// (SessionManager). Nobody is told: no one's seat moves.
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { CallDetail } from '@core/calls/contract'
import { ROLE_DESCRIPTION_MAX_LENGTH, ROLE_NAME_MAX_LENGTH } from '@core/calls/session-form'
import { MAX_ROLES } from '@core/calls/slots'
import { asField } from '@components/a11y'
import { saveRole } from '@services/calls/sessions'
import '../session-editor.scss'

interface Props {
  call: CallDetail
  onChange: (call: CallDetail) => void
}

/** The role being edited (`roleId`) or added (none), as typed. */
interface Draft {
  roleId?: string
  name: string
  description: string
  capacity: string
}

export default function RoleManager({ call, onChange }: Props) {
  const [draft, setDraft] = useState<Draft | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const ahead = call.sessions.filter((s) => !s.cancelled && s.startAt > Date.now()).length

  const save = async (d: Draft) => {
    setBusy(true)
    const result = await saveRole({
      callId: call._id,
      ...(d.roleId ? { roleId: d.roleId } : { capacity: Number(d.capacity) || 0 }),
      name: d.name.trim(),
      description: d.description.trim(),
    })
    setBusy(false)
    if (!result.ok) {
      setError((result.fields && Object.values(result.fields)[0]) ?? result.message)
      return
    }
    setDraft(null)
    setError('')
    onChange(result.data.call)
    Taro.showToast({ title: d.roleId ? '岗位已修改' : '已添加岗位', icon: 'none' })
  }

  const form = (d: Draft, label: string) => (
    <View className="plan-form role-manager__form">
      <Text className="plan-label">岗位名称</Text>
      <Input
        className="plan-input"
        maxlength={ROLE_NAME_MAX_LENGTH}
        placeholder="岗位名称，如：摄影"
        value={d.name}
        onInput={(e) => setDraft({ ...d, name: e.detail.value })}
        {...asField(`${label} 名称`)}
      />
      <Text className="plan-label">做什么（选填）</Text>
      <Input
        className="plan-input"
        maxlength={ROLE_DESCRIPTION_MAX_LENGTH}
        placeholder="做什么（选填）"
        value={d.description}
        onInput={(e) => setDraft({ ...d, description: e.detail.value })}
        {...asField(`${label} 做什么（选填）`)}
      />
      {!d.roleId && (
        <>
          <Text className="plan-label">每场名额（{ahead} 个未开始的场次各有这些名额）</Text>
          <Input
            className="plan-input plan-input--places"
            type="number"
            placeholder="如 2"
            value={d.capacity}
            onInput={(e) => setDraft({ ...d, capacity: e.detail.value })}
            {...asField(`${label} 每场名额`)}
          />
        </>
      )}
      {error && <Text className="plan-error">{error}</Text>}
      <View className="plan-actions">
        <Button className="plan-button plan-button--primary" loading={busy} onClick={() => save(d)}>
          {d.roleId ? '保存岗位' : '添加'}
        </Button>
        <Button
          className="plan-button"
          onClick={() => {
            setDraft(null)
            setError('')
          }}
        >
          返回
        </Button>
      </View>
    </View>
  )

  return (
    <View className="role-manager">
      {call.roles.map((role) => (
        <View key={role.id} className="plan-item role-manager__role">
          <View className="plan-item__head">
            <Text className="plan-item__title">{role.name}</Text>
            <Text className="plan-item__meta">每场 {role.capacity} 人</Text>
          </View>
          {role.description && <Text className="plan-item__meta">{role.description}</Text>}
          {draft?.roleId === role.id ? (
            form(draft, role.name)
          ) : (
            <View className="plan-actions">
              <Button
                className="plan-button"
                disabled={draft !== null || undefined}
                onClick={() =>
                  setDraft({ roleId: role.id, name: role.name, description: role.description, capacity: '' })
                }
              >
                修改岗位
              </Button>
            </View>
          )}
        </View>
      ))}
      {draft && !draft.roleId ? (
        form(draft, '新岗位')
      ) : (
        <Button
          className="plan-button plan-button--add"
          disabled={draft !== null || ahead === 0 || call.roles.length >= MAX_ROLES || undefined}
          onClick={() => setDraft({ name: '', description: '', capacity: '' })}
        >
          添加岗位
        </Button>
      )}
    </View>
  )
}
