// A call's roster for its organizers: counts on top, tabs (已报名 / 候补 / 已取消 / 临时退出), each volunteer's
// full phone number and answers, and the Excel export. On a call of several slots: chips for a session and a role
// (the counts, the rows and the export follow them), and each row says its session and role.
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { useState } from 'react'
import type { RosterEntry, RosterResponse, RosterTab } from '@core/calls/contract'
import { ROSTER_TABS } from '@core/calls/roster'
import { companionLabel } from '@core/calls/companions'
import LoadFailed from '@components/LoadFailed'
import SlotChips, { sessionChoices } from '@components/SlotChips'
import { asButton } from '@components/a11y'
import { formatTime } from '@components/format'
import { exportRoster, roster } from '@services/ngos/ngo'
import InsuranceExport from './InsuranceExport'
import ManageCall from './ManageCall'
import NotifyCard from './NotifyCard'
import Recruiting from './Recruiting'
import { openExport } from './open-export'
import '../console.scss'
import './index.scss'

type State =
  { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; data: RosterResponse }

export default function RosterPage() {
  const [callId, setCallId] = useState('')
  const [state, setState] = useState<State>({ phase: 'loading' })
  const [tab, setTab] = useState<RosterTab>('confirmed')
  const [exporting, setExporting] = useState(false)
  const [loads, setLoads] = useState(0)
  // the session and role shown ('' for all), on a call of several slots
  const [filter, setFilter] = useState<Filter>({ sessionId: '', roleId: '' })
  // every row of the call, from the last read without a filter: who a notice reaches does not follow the chips
  const [allEntries, setAllEntries] = useState<RosterEntry[]>([])

  const load = async (id = callId, by = filter) => {
    const result = await roster({ callId: id, ...filterRequest(by) })
    setLoads((n) => n + 1)
    if (result.ok && !by.sessionId && !by.roleId) setAllEntries(result.data.entries)
    setState(result.ok ? { phase: 'ready', data: result.data } : { phase: 'error', message: result.message })
  }

  const choose = (by: Filter) => {
    setFilter(by)
    load(callId, by)
  }

  useLoad((params: Record<string, string | undefined>) => setCallId(params.id ?? ''))
  // read again whenever shown: the editor may have changed the call meanwhile
  useDidShow(() => {
    const id = Taro.getCurrentInstance().router?.params.id ?? callId
    if (id) load(id)
  })

  const download = async () => {
    setExporting(true)
    const result = await exportRoster({ callId, ...filterRequest(filter) })
    setExporting(false)
    if (!result.ok) return Taro.showToast({ title: result.message, icon: 'none' })
    try {
      await openExport(result.data.url, result.data.fileName)
    } catch {
      Taro.showToast({ title: '文件打开失败，请重试', icon: 'none' })
    }
  }

  if (state.phase === 'loading') return <View className="console">加载中…</View>
  if (state.phase === 'error') return <LoadFailed message={state.message} onRetry={() => load()} />
  const { call, counts, entries, sessions, roles, insurance } = state.data
  const shown = entries.filter((e) => e.tab === tab)
  const filtered = filter.sessionId !== '' || filter.roleId !== ''

  return (
    <View className="console">
      <View className="console-card">
        <Text className="console-title">{call.title}</Text>
        <Text className="console-note">
          {filtered
            ? `${formatTime(call.startAt)} · 所选范围：已报名 ${counts.confirmed} · 候补 ${counts.waitlisted}`
            : `${formatTime(call.startAt)} · 名额 ${call.capacity} · 已报名 ${counts.confirmed} · 候补 ${counts.waitlisted}`}
        </Text>
      </View>
      {sessions && sessions.length > 1 && (
        <SlotChips
          id="roster-session"
          title="场次"
          choices={[{ id: '', label: '全部场次' }, ...sessionChoices(sessions)]}
          value={filter.sessionId}
          onChange={(sessionId) => choose({ ...filter, sessionId })}
        />
      )}
      {roles && roles.length > 0 && (
        <SlotChips
          id="roster-role"
          title="岗位"
          choices={[{ id: '', label: '全部岗位' }, ...roles.map((r) => ({ id: r.id, label: r.name }))]}
          value={filter.roleId}
          onChange={(roleId) => choose({ ...filter, roleId })}
        />
      )}
      <View className="roster-tabs">
        {ROSTER_TABS.map((t) => (
          <Text
            key={t.tab}
            className={`roster-tab ${t.tab === tab ? 'roster-tab--on' : ''}`}
            onClick={() => setTab(t.tab)}
            {...asButton(`${t.label} ${counts[t.tab]}`, { pressed: t.tab === tab, namedByContent: true })}
          >
            {`${t.label} ${counts[t.tab]}`}
          </Text>
        ))}
      </View>
      <View className="console-card">
        {shown.length === 0 && (
          <Text className="console-note">{filtered ? '所选场次和岗位里这里还没有人' : '这里还没有人'}</Text>
        )}
        {shown.map((entry) => (
          <View key={entry._id} className="roster-entry" id={`roster-${entry._id}`}>
            <View className="roster-entry__head">
              <Text className="roster-entry__name">
                {entry.waitRank ? `${entry.waitRank}. ` : ''}
                {entry.name}
              </Text>
              {entry.phone !== '' && ( // none for a volunteer who deleted their data
                <Text
                  className="roster-entry__phone"
                  onClick={() => Taro.makePhoneCall({ phoneNumber: entry.phone }).catch(() => undefined)}
                >
                  {entry.phone}
                </Text>
              )}
            </View>
            {entry.companions && (
              <View className="roster-entry__companions" id={`roster-companions-${entry._id}`}>
                <Text className="roster-entry__party">共 {entry.party ?? 1} 人（含同行人）</Text>
                {entry.companions.map((companion, i) => (
                  <Text key={i} className="roster-entry__companion">
                    同行：{companion.name}（{companionLabel(companion)}）
                  </Text>
                ))}
              </View>
            )}
            {entry.insurance && (
              <Text className="console-note">
                保险信息：
                {[
                  entry.insurance.idType,
                  entry.insurance.idNumber,
                  entry.insurance.emergencyName,
                  entry.insurance.emergencyPhone,
                ]
                  .filter(Boolean)
                  .join(' ')}
              </Text>
            )}
            {(entry.session || entry.role) && (
              <Text className="roster-entry__slot">
                {[entry.session, entry.role].filter(Boolean).join(' · ')}
              </Text>
            )}
            {call.questions.map((q) => {
              const answer = entry.answers[q.id]
              if (answer === undefined) return null
              return (
                <Text key={q.id} className="console-note">
                  {answerLine(q.title, Array.isArray(answer) ? answer.join('、') : answer)}
                </Text>
              )
            })}
          </View>
        ))}
      </View>
      <Button className="console-button console-button--primary" loading={exporting} onClick={download}>
        {filtered ? '导出所选 Excel' : '导出 Excel'}
      </Button>
      {insurance && (
        <InsuranceExport
          callId={call._id}
          canExport={insurance.canExport}
          retentionDays={insurance.retentionDays}
        />
      )}
      {call.status !== 'cancelled' && (
        <Button
          className="console-button roster-checkin"
          onClick={() => Taro.navigateTo({ url: `/packages/ngo/checkin/index?callId=${call._id}` })}
        >
          现场签到与工时
        </Button>
      )}
      <NotifyCard callId={call._id} status={call.status} entries={filtered ? allEntries : entries} />
      <Recruiting callId={call._id} version={loads} />
      <ManageCall callId={call._id} status={call.status} onChange={() => load()} />
    </View>
  )
}

interface Filter {
  sessionId: string
  roleId: string
}

/** The request's part for a filter: only the ids chosen. */
function filterRequest({ sessionId, roleId }: Filter): { sessionId?: string; roleId?: string } {
  return { ...(sessionId ? { sessionId } : {}), ...(roleId ? { roleId } : {}) }
}

/** 「衣服尺码：M」, but a question keeps its own mark: 「是否参加过植树活动？ 参加过」, not 「…？：参加过」. */
function answerLine(title: string, answer: string): string {
  return /[？?：:]$/.test(title) ? `${title} ${answer}` : `${title}：${answer}`
}
