// 隐私与数据: what the app keeps about a volunteer, and 删除我的数据. The person reads what happens, types 「删除」
// to confirm, and is then signed out of everything they gave; 我的 shows its empty state. What the sign-up form
// remembers on this phone (the last name and phone, unsent drafts) is forgotten with it, or on its own here.
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { DELETE_CONFIRMATION } from '@core/privacy/privacy'
import { deleteMyData } from '@services/privacy/privacy'
import { forgetSignUpMemory, hasSignUpMemory } from '@services/calls/sign-up-memory'
import { forgetOfflineData } from '@services/attendance/offline'
import './index.scss'

const WHAT_HAPPENS = [
  '尚未开始的报名和候补会全部取消，名额让给候补的志愿者',
  '这台手机上保存的姓名、手机号、未提交的报名表和报过名的活动一并清除',
  '你在所有报名中填写的姓名、手机号和回答会被清除',
  '已完成的服务时长留在机构的记录中，但只显示为「已注销志愿者」',
  '你的志愿服务证明会作废，查验时显示「未找到」',
  '未发送的提醒、你的分享记录一并删除',
]

type Phase = { step: 'idle' } | { step: 'deleting' } | { step: 'refused'; message: string }

export default function PrivacyPage() {
  const [typed, setTyped] = useState('')
  const [phase, setPhase] = useState<Phase>({ step: 'idle' })
  const [remembered, setRemembered] = useState(hasSignUpMemory)
  const confirmed = typed.trim() === DELETE_CONFIRMATION

  const remove = async () => {
    if (!confirmed || phase.step === 'deleting') return
    setPhase({ step: 'deleting' })
    const result = await deleteMyData({ confirm: DELETE_CONFIRMATION })
    if (!result.ok) return setPhase({ step: 'refused', message: result.message })
    forgetSignUpMemory()
    // the offline passes name the volunteer; a downloaded roster names others
    forgetOfflineData()
    setRemembered(false)
    setTyped('')
    setPhase({ step: 'idle' })
    Taro.showToast({ title: '你的数据已删除', icon: 'success' })
    // 我的 reads again when shown: it now has nothing to list
    setTimeout(() => Taro.switchTab({ url: '/pages/mine/index' }), 1500)
  }

  return (
    <View className="privacy-page">
      <View className="volunteer-card">
        <Text className="volunteer-card__title">我们保存的信息</Text>
        <Text className="volunteer-card__note">
          报名时你填写的姓名、手机号和问题回答，只给举办活动的机构看，用于联系你和记录志愿时长。手机号在机构名单之外都会隐去中间几位。
        </Text>
      </View>

      <View className="volunteer-card" id="privacy-on-phone">
        <Text className="volunteer-card__title">这台手机上</Text>
        <Text className="volunteer-card__note">
          报名成功后，你的姓名和手机号会保存在这台手机上，下次报名时可一键填入；没填完的报名表、你报过名的活动（仅活动编号）也暂存在这里。这些只在这台手机上，不会上传。
        </Text>
        {remembered ? (
          <Button
            id="privacy-forget-local"
            className="privacy-local__button"
            onClick={() => {
              forgetSignUpMemory()
              setRemembered(false)
              Taro.showToast({ title: '已清除', icon: 'success' })
            }}
          >
            清除这台手机上保存的报名信息
          </Button>
        ) : (
          <Text className="volunteer-card__note" id="privacy-local-empty">
            目前没有保存任何报名信息。
          </Text>
        )}
      </View>

      <View className="volunteer-card privacy-delete">
        <Text className="volunteer-card__title">删除我的数据</Text>
        <Text className="volunteer-card__note">删除后：</Text>
        {WHAT_HAPPENS.map((line) => (
          <Text key={line} className="privacy-delete__item">
            · {line}
          </Text>
        ))}
        <Text className="privacy-delete__warning">此操作不可撤销。</Text>
        <Text className="privacy-delete__label">请输入「{DELETE_CONFIRMATION}」确认</Text>
        <Input
          id="privacy-confirm"
          className="privacy-delete__input"
          value={typed}
          placeholder={DELETE_CONFIRMATION}
          maxlength={10}
          onInput={(e) => setTyped(e.detail.value)}
        />
        {phase.step === 'refused' && (
          <Text className="privacy-delete__refused" id="privacy-refused">
            {phase.message}
          </Text>
        )}
        <Button
          id="privacy-delete"
          className={`privacy-delete__button ${confirmed ? '' : 'privacy-delete__button--off'}`}
          disabled={!confirmed || undefined}
          loading={phase.step === 'deleting'}
          onClick={remove}
        >
          删除我的数据
        </Button>
      </View>
    </View>
  )
}
