// 导出工时: the NGO's confirmed hours of calls that started in a date range, as an .xlsx (for reporting to the
// national volunteer service system). Dates are days in China time; the range includes both ends.
import { Button, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { exportHours } from '@services/attendance/attendance'
import { openExport } from '../roster/open-export'

const DAY_MS = 24 * 3_600_000

/** 「2026-03-12」 → that day's first instant in China time */
function chinaDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`)
}

function chinaDay(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10)
}

export default function ExportHours({ ngoId }: { ngoId: string }) {
  const today = chinaDay(Date.now())
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`)
  const [to, setTo] = useState(today)
  const [exporting, setExporting] = useState(false)

  const download = async () => {
    if (from > to) return Taro.showToast({ title: '开始日期不能晚于结束日期', icon: 'none' })
    setExporting(true)
    const result = await exportHours({ ngoId, from: chinaDayStart(from), to: chinaDayStart(to) + DAY_MS })
    setExporting(false)
    if (!result.ok) return Taro.showToast({ title: result.message, icon: 'none' })
    if (result.data.rows === 0) Taro.showToast({ title: '这段时间没有已确认的工时', icon: 'none' })
    try {
      await openExport(result.data.url, result.data.fileName)
    } catch {
      Taro.showToast({ title: '文件打开失败，请重试', icon: 'none' })
    }
  }

  return (
    <View className="console-card">
      <Text className="console-title">导出工时</Text>
      <Text className="console-note">机构所有活动中已确认的工时，按活动日期，导出为 Excel。</Text>
      <View className="export-range">
        <Picker mode="date" value={from} end={to} onChange={(e) => setFrom(String(e.detail.value))}>
          <Text className="export-range__day" id="export-from">
            {from}
          </Text>
        </Picker>
        <Text className="console-note">至</Text>
        <Picker mode="date" value={to} start={from} onChange={(e) => setTo(String(e.detail.value))}>
          <Text className="export-range__day" id="export-to">
            {to}
          </Text>
        </Picker>
      </View>
      <Button className="console-button" loading={exporting} onClick={download}>
        导出工时 Excel
      </Button>
    </View>
  )
}
