// The organizer's 岗位 for a new call (选填): each with a name, a short description and its places in every session.
// Without roles the call's own 名额 are the places per session. Errors as validateCallForm gives them: `roles` for
// the list, `roles.<i>` for one role.
import { Button, Input, Text, View } from '@tarojs/components'
import type { RoleForm } from '@core/calls/contract'
import { ROLE_DESCRIPTION_MAX_LENGTH, ROLE_NAME_MAX_LENGTH } from '@core/calls/session-form'
import { MAX_ROLES } from '@core/calls/slots'
import { asField } from '@components/a11y'
import '../session-editor.scss'

interface Props {
  roles: RoleForm[]
  errors: Record<string, string | undefined>
  onChange: (roles: RoleForm[]) => void
}

export default function RoleEditor({ roles, errors, onChange }: Props) {
  const update = (i: number, patch: Partial<RoleForm>) =>
    onChange(roles.map((r, j) => (j === i ? { ...r, ...patch } : r)))

  return (
    <View className="role-editor">
      {roles.map((role, i) => {
        const name = `岗位 ${i + 1}`
        const error = errors[`roles.${i}`]
        return (
          <View key={i} className="plan-item role-editor__item">
            <View className="plan-item__head">
              <Text className="plan-item__title">{role.name || name}</Text>
            </View>
            <Text className="plan-label">名称</Text>
            <Input
              className="plan-input role-editor__name"
              maxlength={ROLE_NAME_MAX_LENGTH * 2}
              placeholder="如：植树、后勤"
              value={role.name}
              onInput={(e) => update(i, { name: e.detail.value })}
              {...asField(`${name} 名称`)}
            />
            <Text className="plan-label">做什么（选填）</Text>
            <Input
              className="plan-input role-editor__description"
              maxlength={ROLE_DESCRIPTION_MAX_LENGTH * 2}
              placeholder="一句话说明，如：挖坑、扶苗、浇水"
              value={role.description}
              onInput={(e) => update(i, { description: e.detail.value })}
              {...asField(`${name} 做什么（选填）`)}
            />
            <Text className="plan-label">每场名额</Text>
            <Input
              className="plan-input plan-input--places role-editor__places"
              type="number"
              placeholder="如 10"
              value={role.capacity ? String(role.capacity) : ''}
              onInput={(e) => update(i, { capacity: Number(e.detail.value) || 0 })}
              {...asField(`${name} 每场名额`)}
            />
            {error && <Text className="plan-error">{error}</Text>}
            <View className="plan-actions">
              <Button
                className="plan-button plan-button--danger"
                onClick={() => onChange(roles.filter((_, j) => j !== i))}
              >
                删除岗位
              </Button>
            </View>
          </View>
        )
      })}
      {errors.roles && <Text className="plan-error">{errors.roles}</Text>}
      <Button
        className="plan-button plan-button--add"
        disabled={roles.length >= MAX_ROLES || undefined}
        onClick={() => onChange([...roles, { name: '', description: '', capacity: 0 }])}
      >
        添加岗位
      </Button>
    </View>
  )
}
