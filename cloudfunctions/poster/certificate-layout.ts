// The 志愿服务证明 as satori's element tree: a portrait sheet (1080×1528, about A4's proportions) with the
// statement, the hours, the issuing NGO and, at the foot, the code to verify it with and its QR.
import { certificateStatement, formatHours, sessionLines } from '@core/certificates/certificate'
import { chinaDate } from '@core/shared/china-time'
import type { CertificateView } from '@core/certificates/contract'
import { el, img, outlinedLabel, type Element } from './layout'

export const CERTIFICATE_WIDTH = 1080
export const CERTIFICATE_HEIGHT = 1528

const GREEN = '#07a35a'
const INK = '#1f2329'
const GREY = '#6b717c'
const GOLD = '#c8a464'
const PAPER = '#fffdf8'

// Explicit border-box sizes (satori's default is content-box): a long statement must wrap, not widen the sheet.
const MARGIN = 32
const FRAME = {
  width: CERTIFICATE_WIDTH - 2 * MARGIN,
  height: CERTIFICATE_HEIGHT - 2 * MARGIN,
  border: 4,
  gap: 10,
}
const INNER = {
  width: FRAME.width - 2 * (FRAME.border + FRAME.gap),
  height: FRAME.height - 2 * (FRAME.border + FRAME.gap),
  padX: 72,
}
const TEXT_WIDTH = INNER.width - 2 * (1 + INNER.padX)

/** `qr` is an image data URI of the code that opens 证书查验 with this certificate's verification code. */
export function certificateTree(c: CertificateView, qr: string): Element {
  const statement = certificateStatement(c)
  // a long title and names take a smaller size, so the sheet always keeps room for its foot
  const long = Array.from(statement).length > 80 || c.sessions !== undefined
  // the list of sessions takes the room a long statement leaves (the statement already gives their count and sum)
  const chars = Array.from(statement).length
  const listed = c.sessions ? sessionLines(c.sessions, chars <= 90 ? 4 : 2) : []
  const statementSize = long ? 36 : 42
  return el(
    'div',
    {
      width: CERTIFICATE_WIDTH,
      height: CERTIFICATE_HEIGHT,
      boxSizing: 'border-box',
      display: 'flex',
      padding: MARGIN,
      backgroundColor: '#efe8d8',
      fontFamily: 'NotoSansSC',
      color: INK,
    },
    // The gold frame lines are gold boxes showing through padding, not CSS borders: satori draws a border through
    // a clip path, and resvg renders each clip through a full-size layer (a border made the picture 7× slower).
    el(
      'div',
      {
        display: 'flex',
        width: FRAME.width,
        height: FRAME.height,
        boxSizing: 'border-box',
        padding: FRAME.border,
        backgroundColor: GOLD,
      },
      el(
        'div',
        {
          display: 'flex',
          width: FRAME.width - 2 * FRAME.border,
          height: FRAME.height - 2 * FRAME.border,
          boxSizing: 'border-box',
          padding: FRAME.gap,
          backgroundColor: PAPER,
        },
        el(
          'div',
          {
            display: 'flex',
            width: INNER.width,
            height: INNER.height,
            boxSizing: 'border-box',
            padding: 1,
            backgroundColor: GOLD,
          },
          el(
            'div',
            {
              display: 'flex',
              flexDirection: 'column',
              width: INNER.width - 2,
              height: INNER.height - 2,
              boxSizing: 'border-box',
              padding: `47px ${INNER.padX - 1}px 43px ${INNER.padX - 1}px`,
              backgroundColor: PAPER,
            },
            el(
              'div',
              { display: 'flex', justifyContent: 'space-between', fontSize: 26, color: GREY },
              el('div', { color: GREEN, fontWeight: 700 }, '举手 · 志愿服务平台'),
              el('div', {}, `证书编号 ${c.certificateNo}`),
            ),
            el(
              'div',
              {
                display: 'flex',
                justifyContent: 'center',
                marginTop: 64,
                fontSize: 92,
                fontWeight: 700,
                letterSpacing: 18,
              },
              '志愿服务证明',
            ),
            el(
              'div',
              {
                display: 'flex',
                justifyContent: 'center',
                marginTop: 14,
                fontSize: 22,
                letterSpacing: 6,
                color: GOLD,
              },
              'VOLUNTEER SERVICE CERTIFICATE',
            ),
            el(
              'div',
              {
                display: 'flex',
                width: TEXT_WIDTH,
                marginTop: 56,
                fontSize: statementSize,
                lineHeight: long ? 1.8 : 1.9,
                lineClamp: 6,
              },
              statement,
            ),
            // a call of several sessions: each session served, on its own line
            ...(chars <= 120 && listed.length > 0
              ? [
                  el(
                    'div',
                    {
                      display: 'flex',
                      flexDirection: 'column',
                      width: TEXT_WIDTH,
                      marginTop: 20,
                      fontSize: 26,
                    },
                    ...listed.map((line) => el('div', { display: 'flex', lineHeight: 1.5 }, line)),
                  ),
                ]
              : []),
            el(
              'div',
              {
                display: 'flex',
                alignItems: 'baseline',
                justifyContent: 'center',
                marginTop: 28,
                color: GREEN,
              },
              el('div', { fontSize: 34, color: GREY, marginRight: 24 }, '服务时长'),
              el('div', { fontSize: 100, fontWeight: 700 }, formatHours(c.hours)),
              el('div', { fontSize: 40, marginLeft: 14 }, '小时'),
            ),
            el(
              'div',
              { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', marginTop: 32 },
              el(
                'div',
                { display: 'flex', alignItems: 'center', fontSize: 38, fontWeight: 700 },
                el('div', { lineClamp: 1, maxWidth: 700 }, c.ngoName),
                ...(c.ngoVerified
                  ? [
                      outlinedLabel('已认证', {
                        color: GREEN,
                        background: PAPER,
                        fontSize: 24,
                        marginLeft: 16,
                      }),
                    ]
                  : []),
              ),
              el('div', { marginTop: 14, fontSize: 30, color: GREY }, `${chinaDate(c.issuedAt)} 签发`),
            ),
            el('div', { display: 'flex', flexGrow: 1 }),
            el('div', { display: 'flex', height: 1, backgroundColor: GOLD, marginBottom: 36 }),
            el(
              'div',
              { display: 'flex', alignItems: 'center' },
              img(qr, 220, 220),
              el(
                'div',
                { display: 'flex', flexDirection: 'column', marginLeft: 40, width: TEXT_WIDTH - 260 },
                el('div', { fontSize: 28, color: GREY }, '验证码'),
                el('div', { marginTop: 6, fontSize: 52, fontWeight: 700, letterSpacing: 4 }, c.code),
                el('div', { marginTop: 16, fontSize: 24, color: GREY }, '微信扫码核验真伪'),
                el(
                  'div',
                  { marginTop: 6, fontSize: 24, color: GREY },
                  '或在举手小程序「证书查验」输入验证码',
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  )
}
