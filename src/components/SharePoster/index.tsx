// 生成海报: asks the cloud for the call's poster, previews it, and saves it or sends it straight to a chat.
import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { canSendToChat, makePoster, savePoster, sendToChat } from '@services/sharing/poster'
import './index.scss'

type State = { phase: 'idle' } | { phase: 'making' } | { phase: 'preview'; url: string }

export default function SharePoster({ callId }: { callId: string }) {
  const [state, setState] = useState<State>({ phase: 'idle' })

  const make = async () => {
    setState({ phase: 'making' })
    const result = await makePoster(callId)
    if (!result.ok) {
      setState({ phase: 'idle' })
      Taro.showToast({ title: result.message, icon: 'none' })
      return
    }
    setState({ phase: 'preview', url: result.data.url })
  }

  const save = async (url: string) => {
    try {
      if (await savePoster(url)) Taro.showToast({ title: '已保存到相册', icon: 'success' })
    } catch {
      Taro.showToast({ title: '保存失败，请重试', icon: 'none' })
    }
  }

  return (
    <View className="share-poster">
      <Button
        id="make-poster-button"
        className="share-poster__make"
        disabled={state.phase === 'making' || undefined}
        onClick={make}
      >
        {state.phase === 'making' ? '海报生成中…' : '生成海报'}
      </Button>
      {state.phase === 'preview' && (
        <View className="share-poster__mask" onClick={() => setState({ phase: 'idle' })}>
          <View className="share-poster__sheet" onClick={(e) => e.stopPropagation()}>
            <Image id="poster-preview" className="share-poster__image" src={state.url} mode="aspectFit" />
            <Text className="share-poster__hint">保存海报发到朋友圈或群聊，朋友扫码即可报名</Text>
            <View className="share-poster__actions">
              <Button id="save-poster-button" className="share-poster__save" onClick={() => save(state.url)}>
                保存到相册
              </Button>
              {canSendToChat && (
                <Button className="share-poster__send" onClick={() => sendToChat(state.url)}>
                  发送给朋友
                </Button>
              )}
            </View>
          </View>
        </View>
      )}
    </View>
  )
}
