// 志愿服务证明: the certificate of one of the volunteer's events with confirmed hours (`?signUpId=`). Issued on
// first opening (the same one every time after), shown as the picture the `poster` function renders, with its
// number and verification code, saving to the album and a way to 证书查验. A certificate of several sessions (one
// per volunteer and call) lists each session served with its hours; any of those sessions' events opens it.
import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { formatHours } from '@core/certificates/certificate'
import type { CertificateView } from '@core/certificates/contract'
import EmptyState from '@components/EmptyState'
import { asImage } from '@components/a11y'
import LoadFailed from '@components/LoadFailed'
import { issueCertificate } from '@services/certificates/certificate'
import { certificateImage } from '@services/certificates/certificate-image'
import { savePoster } from '@services/sharing/poster'
import './index.scss'

type State =
  | { phase: 'loading' }
  | { phase: 'not-yet'; message: string }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; certificate: CertificateView }

type Picture = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; url: string }

export default function CertificatePage() {
  const [signUpId, setSignUpId] = useState('')
  const [state, setState] = useState<State>({ phase: 'loading' })
  const [picture, setPicture] = useState<Picture>({ phase: 'loading' })
  const [saving, setSaving] = useState(false)

  const loadPicture = async (certificateNo: string) => {
    setPicture({ phase: 'loading' })
    const result = await certificateImage(certificateNo)
    setPicture(
      result.ok ? { phase: 'ready', url: result.data.url } : { phase: 'error', message: result.message },
    )
  }

  const load = async (id = signUpId) => {
    setState({ phase: 'loading' })
    const result = await issueCertificate({ signUpId: id })
    if (!result.ok) {
      return setState(
        result.code === 'HOURS_NOT_CONFIRMED'
          ? { phase: 'not-yet', message: result.message }
          : { phase: 'error', message: result.message },
      )
    }
    setState({ phase: 'ready', certificate: result.data.certificate })
    loadPicture(result.data.certificate.certificateNo)
  }

  useLoad((params: Record<string, string | undefined>) => {
    const id = decodeURIComponent(params.signUpId ?? '')
    setSignUpId(id)
    load(id)
  })

  if (state.phase === 'loading') return <View className="certificate-page">正在生成志愿服务证明…</View>
  if (state.phase === 'error') return <LoadFailed message={state.message} onRetry={() => load()} />
  if (state.phase === 'not-yet') {
    return (
      <View className="certificate-page">
        <EmptyState icon="hourglass" title="时长还未确认" description={state.message} />
      </View>
    )
  }

  const { certificate } = state
  const save = async () => {
    if (picture.phase !== 'ready') return
    setSaving(true)
    try {
      const saved = await savePoster(picture.url)
      if (saved) Taro.showToast({ title: '已保存到相册', icon: 'success' })
    } catch {
      Taro.showToast({ title: '保存失败，请重试', icon: 'none' })
    } finally {
      setSaving(false)
    }
  }
  const verify = () =>
    Taro.navigateTo({ url: `/packages/volunteer/verify/index?code=${encodeURIComponent(certificate.code)}` })

  return (
    <View className="certificate-page">
      <View className="certificate-picture">
        {picture.phase === 'loading' && <Text className="certificate-picture__note">证明图片生成中…</Text>}
        {picture.phase === 'error' && (
          <View className="certificate-picture__failed">
            <Text className="certificate-picture__note">{picture.message}</Text>
            <Text className="certificate-link" onClick={() => loadPicture(certificate.certificateNo)}>
              重新生成
            </Text>
          </View>
        )}
        {picture.phase === 'ready' && (
          <Image
            id="certificate-image"
            className="certificate-picture__image"
            src={picture.url}
            mode="widthFix"
            showMenuByLongpress
            {...asImage(
              `志愿服务证明：${certificate.volunteerName}参加「${certificate.ngoName}」的「${certificate.callTitle}」，` +
                `${certificate.serviceDate}，` +
                (certificate.sessions ? `${certificate.sessions.length} 场，累计` : '') +
                `服务 ${certificate.hours} 小时，证书编号 ${certificate.certificateNo}`,
            )}
            onClick={() => Taro.previewImage({ urls: [picture.url] })}
          />
        )}
      </View>

      <View className="volunteer-card">
        <View className="certificate-fact">
          <Text className="certificate-fact__label">证书编号</Text>
          <Text className="certificate-fact__value" id="certificate-no" userSelect>
            {certificate.certificateNo}
          </Text>
        </View>
        <View className="certificate-fact">
          <Text className="certificate-fact__label">验证码</Text>
          <Text className="certificate-fact__value certificate-fact__code" id="certificate-code" userSelect>
            {certificate.code}
          </Text>
        </View>
        <View className="certificate-fact">
          <Text className="certificate-fact__label">服务时长</Text>
          <Text className="certificate-fact__value">
            {`${certificate.sessions ? '累计 ' : ''}${formatHours(certificate.hours)} 小时`}
          </Text>
        </View>
        {certificate.sessions && (
          <View className="certificate-sessions" id="certificate-sessions">
            <Text className="certificate-fact__label">{`服务场次 · 共 ${certificate.sessions.length} 场`}</Text>
            {certificate.sessions.map((session) => (
              <View key={session.label} className="certificate-session">
                <Text className="certificate-session__label">{session.label}</Text>
                <Text className="certificate-session__hours">{formatHours(session.hours)} 小时</Text>
              </View>
            ))}
          </View>
        )}
        <Text className="volunteer-card__note">
          学校或单位可扫描证明上的二维码，或在举手小程序「证书查验」输入验证码，核验证明真伪。
        </Text>
        <Button
          className="volunteer-button"
          id="certificate-save"
          disabled={picture.phase !== 'ready' || saving || undefined}
          loading={saving}
          onClick={save}
        >
          保存到相册
        </Button>
        <Text className="certificate-link certificate-link--block" id="certificate-verify" onClick={verify}>
          查验这张证明 ›
        </Text>
      </View>
    </View>
  )
}
