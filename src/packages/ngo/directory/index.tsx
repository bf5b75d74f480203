// The philanthropy map: verified NGOs by province and cause; on WeChat a map above the list.
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { DirectoryNgo } from '@core/ngos/contract'
import { CAUSES, PROVINCES } from '@core/ngos/ngo'
import EmptyState from '@components/EmptyState'
import Icon from '@components/Icon'
import { asButton } from '@components/a11y'
import LoadFailed from '@components/LoadFailed'
import { listNgos } from '@services/ngos/ngo'
import NgoMap from './NgoMap'
import '../console.scss'
import './index.scss'

const ALL = '全部'

type State =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; items: DirectoryNgo[]; nextCursor: string | null; more: 'idle' | 'loading' | 'failed' }

export default function DirectoryPage() {
  const [state, setState] = useState<State>({ phase: 'loading' })
  const [province, setProvince] = useState('')
  const [cause, setCause] = useState('')

  // answers to an older filter are dropped: only the latest request may set the list
  const request = useRef(0)

  const load = async (filters = { province, cause }) => {
    const mine = ++request.current
    const result = await listNgos(filters)
    if (mine !== request.current) return
    setState(
      result.ok
        ? { phase: 'ready', items: result.data.items, nextCursor: result.data.nextCursor, more: 'idle' }
        : { phase: 'error', message: result.message },
    )
  }

  const loadMore = async () => {
    if (state.phase !== 'ready' || !state.nextCursor || state.more === 'loading') return
    const mine = ++request.current
    setState({ ...state, more: 'loading' })
    const result = await listNgos({ province, cause, cursor: state.nextCursor })
    if (mine !== request.current) return
    setState(
      result.ok
        ? {
            phase: 'ready',
            items: [...state.items, ...result.data.items],
            nextCursor: result.data.nextCursor,
            more: 'idle',
          }
        : { ...state, more: 'failed' },
    )
  }

  useReachBottom(() => {
    loadMore()
  })

  useDidShow(() => {
    load()
  })

  const choose = (next: { province: string; cause: string }) => {
    setProvince(next.province)
    setCause(next.cause)
    load(next)
  }
  const open = (ngoId: string) => Taro.navigateTo({ url: `/packages/ngo/profile/index?id=${ngoId}` })

  if (state.phase === 'error') return <LoadFailed message={state.message} onRetry={() => load()} />
  const provinces = [ALL, ...PROVINCES]

  return (
    <View className="console">
      <View className="chips directory-filters">
        <Picker
          mode="selector"
          range={provinces}
          value={Math.max(0, provinces.indexOf(province))}
          onChange={(e) => {
            const picked = provinces[Number(e.detail.value)]
            choose({ province: picked === ALL ? '' : picked, cause })
          }}
        >
          <View className="chip chip--on directory-province" {...asButton(`地区：${province || '全部地区'}`)}>
            <Text>{province || '全部地区'}</Text>
            <Icon name="chevronDown" size={28} color="brand" />
          </View>
        </Picker>
        {CAUSES.map((c) => (
          <Text
            key={c}
            className={`chip ${c === cause ? 'chip--on' : ''}`}
            onClick={() => choose({ province, cause: c === cause ? '' : c })}
            {...asButton(c, { pressed: c === cause })}
          >
            {c}
          </Text>
        ))}
      </View>
      {state.phase === 'loading' && <Text className="console-note">加载中…</Text>}
      {state.phase === 'ready' && (
        <View>
          <NgoMap ngos={state.items} onOpen={open} />
          {state.items.length === 0 && <EmptyState icon="map" title="这里还没有认证的公益机构" />}
          {state.items.map((ngo) => (
            <View
              key={ngo._id}
              className="console-card directory-item"
              onClick={() => open(ngo._id)}
              {...asButton(ngo.name, { namedByContent: true })}
            >
              <Text className="console-title">
                {ngo.name}
                {ngo.verified && <Text className="verified-badge">已认证</Text>}
              </Text>
              <Text className="console-note">
                {ngo.city} · {ngo.causes.join('、')}
                {ngo.openCalls > 0 ? ` · ${ngo.openCalls} 个活动招募中` : ''}
              </Text>
            </View>
          ))}
          {state.more === 'loading' && <Text className="console-note directory-more">加载中…</Text>}
          {state.more === 'failed' && (
            <Text
              className="console-note directory-more"
              onClick={loadMore}
              {...asButton('加载失败，点此重试')}
            >
              加载失败，点此重试
            </Text>
          )}
          {state.more === 'idle' && state.nextCursor && (
            <Text className="console-note directory-more" onClick={loadMore} {...asButton('加载更多')}>
              加载更多
            </Text>
          )}
        </View>
      )}
    </View>
  )
}
