// 志愿活动: the open calls, searchable and filtered by city and tag, newest page appended as you scroll.
import { Input, ScrollView, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CallCard as Call, ListCallsRequest } from '@core/calls/contract'
import CallCard from '@components/CallCard'
import CardSkeleton from '@components/CardSkeleton'
import EmptyState from '@components/EmptyState'
import Icon from '@components/Icon'
import { asButton, scrollRegion } from '@components/a11y'
import PersonaChip from '@components/PersonaChip'
import { takeArrivedFirstPage, takeFirstPage } from '@services/calls/first-page'
import { listCalls } from '@services/cloud/api'
import './index.scss'

/** Offered before any result arrives; cities and tags seen in results are added to the chips. */
const KNOWN_CITIES = ['北京', '上海', '广州', '深圳', '成都', '杭州']
const KNOWN_TAGS = ['植树', '环保', '助老', '支教', '动物保护', '社区']
const ALL = '全部'
/**
 * cards drawn with the first answer: more than a phone's screen shows (under the search bar and the chips, a
 * 375 × 667 screen shows two cards, a 414 × 896 one not quite three)
 */
const FIRST_CARDS = 3

interface Filters {
  keyword: string
  city: string
  tag: string
}

type Phase = 'loading' | 'ready' | 'error'

function toRequest(filters: Filters, cursor?: string): ListCallsRequest {
  const req: ListCallsRequest = {}
  if (filters.keyword) req.keyword = filters.keyword
  if (filters.city) req.city = filters.city
  if (filters.tag) req.tag = filters.tag
  if (cursor) req.cursor = cursor
  return req
}

/** `known` in its order, then what `seen` adds: a chip never moves once shown (a tap must not reorder the row). */
function merge(known: string[], seen: string[]): string[] {
  return Array.from(new Set([...known, ...seen]))
}

export default function CallsPage() {
  // the answer the app asked for as it started, if it has come already: the first frame shows the cards (drawing a
  // skeleton first, only to replace it, cost a slow phone half a second)
  const [arrived] = useState(takeArrivedFirstPage)
  const first = arrived?.ok ? arrived.data : undefined
  const [filters, setFilters] = useState<Filters>({ keyword: '', city: '', tag: '' })
  const [draft, setDraft] = useState('')
  const [items, setItems] = useState<Call[]>(first?.items ?? [])
  const [nextCursor, setNextCursor] = useState<string | null>(first?.nextCursor ?? null)
  const [phase, setPhase] = useState<Phase>(arrived ? (arrived.ok ? 'ready' : 'error') : 'loading')
  const [error, setError] = useState(arrived && !arrived.ok ? arrived.message : '')
  const [loadingMore, setLoadingMore] = useState(false)
  const [seenCities, setSeenCities] = useState<string[]>(() =>
    merge([], first?.items.map((c) => c.city) ?? []),
  )
  const [seenTags, setSeenTags] = useState<string[]>(() =>
    merge([], first?.items.flatMap((c) => c.tags) ?? []),
  )
  // the unfiltered first page is in hand when the answer had arrived: the first run of the filters' effect has
  // nothing to ask
  const firstPageInHand = useRef(arrived !== undefined)
  // only the latest request may write the list: a slow answer to an old filter is dropped
  const requestSeq = useRef(0)

  const remember = (calls: Call[]) => {
    setSeenCities((prev) =>
      merge(
        prev,
        calls.map((c) => c.city),
      ),
    )
    setSeenTags((prev) =>
      merge(
        prev,
        calls.flatMap((c) => c.tags),
      ),
    )
  }

  const loadFirstPage = useCallback(async (current: Filters, showSkeleton: boolean) => {
    const seq = ++requestSeq.current
    if (showSkeleton) setPhase('loading')
    const unfiltered = !current.keyword && !current.city && !current.tag
    // the answer the app asked for as it started, if it opened here (only the browser does)
    const result = await ((unfiltered ? takeFirstPage() : undefined) ?? listCalls(toRequest(current)))
    if (seq !== requestSeq.current) return
    if (result.ok) {
      setItems(result.data.items)
      setNextCursor(result.data.nextCursor)
      remember(result.data.items)
      setPhase('ready')
    } else {
      setError(result.message)
      setPhase('error')
    }
  }, [])

  useEffect(() => {
    if (firstPageInHand.current) {
      firstPageInHand.current = false
      return
    }
    loadFirstPage(filters, true)
  }, [filters, loadFirstPage])

  // A screenful of cards first, the rest a moment later: on a slow phone drawing twenty cards at once keeps the
  // first one off the screen for most of a second.
  const [drawn, setDrawn] = useState(FIRST_CARDS)
  useEffect(() => {
    if (drawn >= items.length) return
    const later = setTimeout(() => setDrawn(items.length), 50)
    return () => clearTimeout(later)
  }, [drawn, items.length])

  usePullDownRefresh(async () => {
    await loadFirstPage(filters, false)
    Taro.stopPullDownRefresh()
  })

  useReachBottom(async () => {
    if (!nextCursor || loadingMore || phase !== 'ready') return
    const seq = requestSeq.current
    setLoadingMore(true)
    const result = await listCalls(toRequest(filters, nextCursor))
    setLoadingMore(false)
    if (seq !== requestSeq.current) return
    if (result.ok) {
      setItems((prev) => [...prev, ...result.data.items.filter((c) => !prev.some((p) => p._id === c._id))])
      setNextCursor(result.data.nextCursor)
      remember(result.data.items)
    } else {
      Taro.showToast({ title: result.message, icon: 'none' })
    }
  })

  const open = (call: Call) => Taro.navigateTo({ url: `/pages/call-detail/index?id=${call._id}` })
  const search = (keyword: string) => setFilters((f) => ({ ...f, keyword: keyword.trim() }))
  const clearSearch = () => {
    setDraft('')
    search('')
  }

  const cities = merge(KNOWN_CITIES, seenCities)
  const tags = merge(KNOWN_TAGS, seenTags)

  return (
    <View className="calls-page">
      <View className="calls-page__header">
        <View className="search-bar">
          <Icon className="search-bar__icon" name="search" size={30} color="muted" />
          <Input
            id="search-input"
            className="search-bar__input"
            type="text"
            confirmType="search"
            placeholder="搜索活动、机构"
            value={draft}
            maxlength={30}
            onInput={(e) => setDraft(e.detail.value)}
            onConfirm={(e) => search(e.detail.value)}
          />
          {draft && (
            <View className="search-bar__clear" onClick={clearSearch} {...asButton('清除搜索')}>
              <Icon name="close" size={28} color="muted" />
            </View>
          )}
        </View>
        <ChipRow
          label="按城市筛选"
          options={cities}
          selected={filters.city}
          onSelect={(city) => setFilters((f) => ({ ...f, city }))}
        />
        <ChipRow
          label="按标签筛选"
          options={tags}
          selected={filters.tag}
          onSelect={(tag) => setFilters((f) => ({ ...f, tag }))}
        />
      </View>

      {phase === 'loading' && <CardSkeleton />}
      {phase === 'error' && (
        <EmptyState
          icon="warning"
          title="加载失败"
          description={error}
          actionText="重试"
          onAction={() => loadFirstPage(filters, true)}
        />
      )}
      {phase === 'ready' && items.length === 0 && (
        <EmptyState
          title={filters.keyword ? `没有找到与“${filters.keyword}”相关的活动` : '暂无符合条件的活动'}
          description={
            filters.keyword ? '可以搜索活动名称、内容或机构名称，试试其他关键词' : '换个城市或标签看看吧'
          }
          actionText={filters.city || filters.tag || filters.keyword ? '清除筛选' : undefined}
          onAction={() => {
            setDraft('')
            setFilters({ keyword: '', city: '', tag: '' })
          }}
        />
      )}
      {phase === 'ready' && items.length > 0 && (
        <View className="calls-page__list">
          {items.slice(0, drawn).map((call) => (
            <CallCard key={call._id} call={call} onOpen={open} />
          ))}
          {drawn >= items.length && (
            <Text className="calls-page__more">
              {loadingMore ? '加载中…' : nextCursor ? '上拉加载更多' : '没有更多活动了'}
            </Text>
          )}
        </View>
      )}
      <PersonaChip />
    </View>
  )
}

interface ChipRowProps {
  /** what the row filters by, for screen readers */
  label: string
  options: string[]
  selected: string
  onSelect: (value: string) => void
}

/** A horizontally scrolling row of filter chips; 「全部」 clears the filter. */
function ChipRow({ label, options, selected, onSelect }: ChipRowProps) {
  return (
    // the region is named on a View: the browser's ScrollView passes no ARIA attributes on
    <View {...scrollRegion(label)}>
      <ScrollView className="chip-row" scrollX enhanced showScrollbar={false}>
        {[ALL, ...options].map((option) => {
          const value = option === ALL ? '' : option
          const active = value === selected
          return (
            <Text
              key={option}
              className={`chip ${active ? 'chip--active' : ''}`}
              onClick={() => onSelect(active && value ? '' : value)}
              {...asButton(option, { pressed: active })}
            >
              {option}
            </Text>
          )
        })}
      </ScrollView>
    </View>
  )
}
