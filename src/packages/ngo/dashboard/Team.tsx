// The NGO's organizers; the owner invites co-organizers with a share card (a code and link in the browser) and
// removes them.
import { Button, Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import type { NgoConsole } from '@core/ngos/contract'
import { invitePath } from '@core/ngos/ngo'
import { createInvite, removeOrganizer } from '@services/ngos/ngo'
import InviteButton from './InviteButton'

interface Props {
  ngo: NgoConsole
  onChange: () => void
}

export default function Team({ ngo, onChange }: Props) {
  const [code, setCode] = useState('')

  // WeChat asks the page for the card when the share button is tapped: it carries the invitation
  useShareAppMessage(() => ({ title: `邀请你一起管理「${ngo.name}」`, path: invitePath(code) }))

  const invite = async () => {
    const result = await createInvite({ ngoId: ngo._id })
    if (!result.ok) return Taro.showToast({ title: result.message, icon: 'none' })
    setCode(result.data.code)
  }

  const remove = async (key: string, name: string) => {
    const { confirm } = await Taro.showModal({ title: '移除组织者', content: `确定移除「${name}」吗？` })
    if (!confirm) return
    const result = await removeOrganizer({ ngoId: ngo._id, key })
    if (!result.ok) return Taro.showToast({ title: result.message, icon: 'none' })
    setCode('')
    onChange()
  }

  return (
    <View className="console-card">
      <Text className="console-title">组织者 · {ngo.organizers}</Text>
      {ngo.team.map((member) => (
        <View key={member.key} className="console-row team-member">
          <View className="team-member__who">
            <Text>{member.name}</Text>
            {member.owner && <Text className="team-member__tag">负责人</Text>}
            {member.me && <Text className="team-member__tag team-member__tag--me">我</Text>}
          </View>
          {ngo.isOwner && !member.owner && (
            <Text className="console-link" onClick={() => remove(member.key, member.name)}>
              移除
            </Text>
          )}
        </View>
      ))}
      {ngo.isOwner && !code && (
        <View className="console-actions">
          <Button className="console-button" onClick={invite}>
            邀请组织者
          </Button>
        </View>
      )}
      {code && (
        <View>
          <Text className="console-note invite-code">邀请码：{code}</Text>
          <InviteButton code={code} />
        </View>
      )}
    </View>
  )
}
