// 投保名单: on a call asking insurance details, the owner downloads the list with full ID numbers (the one place
// they are shown; each download is logged); co-organizers are told who can. Everywhere else they are masked.
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { exportInsuranceList } from '@services/privacy/privacy'
import { openExport } from './open-export'

interface Props {
  callId: string
  canExport: boolean
  retentionDays: number
}

export default function InsuranceExport({ callId, canExport, retentionDays }: Props) {
  const [exporting, setExporting] = useState(false)
  const download = async () => {
    const { confirm } = await Taro.showModal({
      title: '导出投保名单',
      content: '名单含完整证件号码，仅用于购买活动意外险。本次导出将被记录，文件链接 10 分钟内有效。',
      confirmText: '导出',
    })
    if (!confirm) return
    setExporting(true)
    const result = await exportInsuranceList({ callId })
    setExporting(false)
    if (!result.ok) return Taro.showToast({ title: result.message, icon: 'none' })
    try {
      await openExport(result.data.url, result.data.fileName)
    } catch {
      Taro.showToast({ title: '文件打开失败，请重试', icon: 'none' })
    }
  }
  return (
    <View className="console-card" id="insurance-export">
      <Text className="console-title">投保名单</Text>
      <Text className="console-note">
        名单中的证件号码已打码。保险信息在活动结束 {retentionDays} 天后自动删除。
        {canExport ? '' : '完整名单仅机构负责人可以导出。'}
      </Text>
      {canExport && (
        <Button
          id="export-insurance"
          className="console-button console-button--primary"
          loading={exporting}
          onClick={download}
        >
          导出投保名单
        </Button>
      )}
    </View>
  )
}
