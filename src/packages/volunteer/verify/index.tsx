// 证书查验: anyone — a school, an employer — checks a 志愿服务证明 by its verification code (typed, scanned from
// the paper with 扫一扫, or opened from the certificate's own QR: `?scene=`), optionally with the hours printed
// on it, and sees whether it is genuine, superseded, altered or unknown.
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { chinaDate } from '@core/shared/china-time'
import { formatHours, readCode } from '@core/certificates/certificate'
import type { CertificateView, VerifyCertificateResponse } from '@core/certificates/contract'
import Icon, { type IconName } from '@components/Icon'
import { decorative } from '@components/a11y'
import { verifyCertificate } from '@services/certificates/certificate'
import { CAN_SCAN_CERTIFICATE, scanCertificate } from '@services/certificates/certificate-scan'
import './index.scss'

type Outcome =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'done'; data: VerifyCertificateResponse; paperHours?: number }
  | { phase: 'failed'; message: string }

const VERDICTS: Record<VerifyCertificateResponse['status'], { icon: IconName; title: string }> = {
  genuine: { icon: 'check', title: '真实有效' },
  superseded: { icon: 'exclaim', title: '已更新' },
  altered: { icon: 'close', title: '与记录不符' },
  unknown: { icon: 'question', title: '未找到' },
}

/** The code a QR or a link opened the page with: `scene` from the certificate's code, `code` from a link. */
function codeFromParams(params: Record<string, string | undefined>): string {
  const raw = params.scene ?? params.code ?? ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

export default function VerifyPage() {
  const [code, setCode] = useState('')
  const [hours, setHours] = useState('')
  const [fieldError, setFieldError] = useState<{ code?: string; hours?: string }>({})
  const [outcome, setOutcome] = useState<Outcome>({ phase: 'idle' })

  const check = async (typedCode: string, typedHours: string) => {
    const errors: { code?: string; hours?: string } = {}
    if (!readCode(typedCode))
      errors.code = typedCode.trim() ? '验证码是 12 位字母和数字，请核对' : '请输入验证码'
    const paperHours = typedHours.trim() === '' ? undefined : Number(typedHours)
    if (paperHours !== undefined && !(Number.isFinite(paperHours) && paperHours >= 0)) {
      errors.hours = '请输入证书上的小时数，如 3.5'
    }
    setFieldError(errors)
    if (errors.code || errors.hours) return
    setOutcome({ phase: 'checking' })
    const result = await verifyCertificate(
      paperHours === undefined ? { code: typedCode } : { code: typedCode, hours: paperHours },
    )
    if (result.ok) return setOutcome({ phase: 'done', data: result.data, paperHours })
    if (result.fields) setFieldError(result.fields)
    setOutcome({ phase: 'failed', message: result.message })
  }

  useLoad((params: Record<string, string | undefined>) => {
    const opened = readCode(codeFromParams(params))
    if (!opened) return
    setCode(opened.match(/.{4}/g)?.join('-') ?? opened)
    check(opened, '')
  })

  const scan = async () => {
    const text = await scanCertificate()
    if (!text) return
    const scanned = readCode(text)
    if (!scanned) return Taro.showToast({ title: '这不是举手志愿服务证明上的二维码', icon: 'none' })
    const shown = scanned.match(/.{4}/g)?.join('-') ?? scanned
    setCode(shown)
    check(shown, hours)
  }

  return (
    <View className="verify-page">
      <View className="volunteer-card">
        <Text className="volunteer-card__title">核验志愿服务证明</Text>
        <Text className="volunteer-card__note">
          输入证明下方的 12 位验证码，或扫描证明上的二维码。可同时填写证明上的服务时长，核对是否被改动。
        </Text>
        <View className={`verify-field ${fieldError.code ? 'verify-field--error' : ''}`}>
          <Text className="verify-field__label">验证码</Text>
          <Input
            id="verify-code"
            className="verify-field__input verify-field__input--code"
            value={code}
            maxlength={20}
            placeholder="如 7KQ4-M9XC-2HDW"
            onInput={(e) => setCode(e.detail.value)}
            onConfirm={() => check(code, hours)}
          />
        </View>
        {fieldError.code && <Text className="verify-field__error">{fieldError.code}</Text>}
        <View className={`verify-field ${fieldError.hours ? 'verify-field--error' : ''}`}>
          <Text className="verify-field__label">服务时长</Text>
          <Input
            id="verify-hours"
            className="verify-field__input"
            type="digit"
            value={hours}
            maxlength={6}
            placeholder="选填，证明上的小时数"
            onInput={(e) => setHours(e.detail.value)}
          />
        </View>
        {fieldError.hours && <Text className="verify-field__error">{fieldError.hours}</Text>}
        <View className="verify-actions">
          <Button
            id="verify-submit"
            className="volunteer-button verify-actions__main"
            loading={outcome.phase === 'checking'}
            disabled={outcome.phase === 'checking' || undefined}
            onClick={() => check(code, hours)}
          >
            查验
          </Button>
          {CAN_SCAN_CERTIFICATE && (
            <Button className="verify-actions__scan" onClick={scan}>
              扫一扫
            </Button>
          )}
        </View>
      </View>

      {outcome.phase === 'failed' && (
        <View className="verify-result verify-result--failed" id="verify-result">
          <Text className="verify-result__title">查验没有完成</Text>
          <Text className="verify-result__note">{outcome.message}</Text>
        </View>
      )}
      {outcome.phase === 'done' && <Verdict data={outcome.data} paperHours={outcome.paperHours} />}
    </View>
  )
}

function Verdict({ data, paperHours }: { data: VerifyCertificateResponse; paperHours?: number }) {
  const { status, certificate } = data
  const verdict = VERDICTS[status]
  let note = ''
  if (status === 'genuine') note = '该证明由举手签发，内容与机构确认的志愿服务记录一致。'
  else if (status === 'superseded') {
    note = data.current
      ? `机构在签发后更新了这次服务的时长，此证明已由新证明 ${data.current} 取代。`
      : '机构在签发后更新了这次服务的时长记录，此证明已不再有效。'
  } else if (status === 'altered') {
    note =
      certificate && paperHours !== undefined
        ? `证明上的服务时长（${formatHours(paperHours)} 小时）与签发记录（${formatHours(certificate.hours)} 小时）不符，证明可能被改动。`
        : '该证明的记录无法核实，可能已被篡改。请联系组织机构确认。'
  } else note = '没有找到使用这个验证码的证明，请核对验证码后重试。'

  return (
    <View className={`verify-result verify-result--${status}`} id="verify-result">
      <View className="verify-result__head">
        <View className="verify-result__icon" {...decorative()}>
          <Icon name={verdict.icon} size={36} color="white" />
        </View>
        <Text className="verify-result__title" id="verify-verdict">
          {verdict.title}
        </Text>
      </View>
      <Text className="verify-result__note">{note}</Text>
      {certificate && <Facts certificate={certificate} />}
    </View>
  )
}

function Facts({ certificate: c }: { certificate: CertificateView }) {
  // a certificate of several sessions: each session served on a line of its own, with its hours
  const sessions: [string, string[]][] = c.sessions
    ? [[`服务场次`, c.sessions.map((s) => `${s.label}，${formatHours(s.hours)} 小时`)]]
    : []
  const rows: [string, string | string[]][] = [
    ['证书编号', c.certificateNo],
    ['志愿者', c.volunteerName],
    ['组织机构', c.ngoVerified ? `${c.ngoName}（已认证）` : c.ngoName],
    ['服务项目', c.callTitle],
    ['服务日期', c.serviceDate],
    ...sessions,
    ['服务时长', `${c.sessions ? `${c.sessions.length} 场，累计 ` : ''}${formatHours(c.hours)} 小时`],
    ['签发日期', chinaDate(c.issuedAt)],
  ]
  return (
    <View className="verify-facts">
      {rows.map(([label, value]) => (
        <View key={label} className="verify-facts__row">
          <Text className="verify-facts__label">{label}</Text>
          {Array.isArray(value) ? (
            <View className="verify-facts__value" id="verify-sessions">
              {value.map((line) => (
                <Text key={line} className="verify-facts__line">
                  {line}
                </Text>
              ))}
            </View>
          ) : (
            <Text className="verify-facts__value">{value}</Text>
          )}
        </View>
      ))}
    </View>
  )
}
