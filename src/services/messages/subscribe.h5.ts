// The browser has no subscribe sheet: this shows one like WeChat's (允许 / 取消) and, for 允许, registers the
// acceptances with the local cloud, as WeChat's client registers them with WeChat's servers. The H5 build is the
// local cloud's own client, like the persona picker.
import { MAX_TEMPLATES_PER_REQUEST } from '@core/messages/contract'
import { currentPersona } from '@services/cloud/persona'
import type { RequestSubscriptions } from './subscribe'

export const requestSubscriptions: RequestSubscriptions = async (templates) => {
  const asked = templates.slice(0, MAX_TEMPLATES_PER_REQUEST)
  const persona = currentPersona()
  if (!persona || asked.length === 0) return []
  if (!(await sheet(asked.map((t) => t.title)))) return []
  const ids = asked.map((t) => t.id)
  try {
    const res = await fetch(`${H5_API_BASE}/_emulator/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: persona.openid, templateIds: ids }),
    })
    return res.ok ? ids : []
  } catch {
    return []
  }
}

const SVG = 'http://www.w3.org/2000/svg'

/** the tick before each message, as WeChat's sheet draws it: an SVG, not a tick character (no font needed) */
function tick(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg')
  svg.setAttribute('viewBox', '0 0 24 24')
  svg.setAttribute('width', '18')
  svg.setAttribute('height', '18')
  svg.setAttribute('aria-hidden', 'true')
  const path = document.createElementNS(SVG, 'path')
  path.setAttribute('d', 'm5 12.5 4.5 4.5L19 7.5')
  path.setAttribute('fill', 'none')
  path.setAttribute('stroke', '#067a3c')
  path.setAttribute('stroke-width', '2.5')
  path.setAttribute('stroke-linecap', 'round')
  path.setAttribute('stroke-linejoin', 'round')
  svg.appendChild(path)
  return svg
}

function sheet(titles: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const mask = document.createElement('div')
    mask.className = 'subscribe-sheet'
    mask.setAttribute('role', 'dialog')
    mask.style.cssText =
      'position:fixed;inset:0;background:rgba(0,0,0,.5);display:flex;align-items:flex-end;z-index:10000'
    const panel = document.createElement('div')
    panel.style.cssText =
      'background:#fff;width:100%;border-radius:12px 12px 0 0;padding:20px;font-size:15px;box-sizing:border-box'
    const heading = document.createElement('div')
    heading.textContent = '举手 申请向你发送以下消息'
    heading.style.cssText = 'font-weight:600;margin-bottom:12px'
    panel.appendChild(heading)
    for (const title of titles) {
      const row = document.createElement('div')
      row.append(tick(), title)
      row.style.cssText = 'display:flex;align-items:center;gap:8px;padding:8px 0;border-bottom:1px solid #eee'
      panel.appendChild(row)
    }
    const buttons = document.createElement('div')
    buttons.style.cssText = 'display:flex;gap:12px;margin-top:16px'
    const button = (label: string, allow: boolean, style: string) => {
      const b = document.createElement('button')
      b.textContent = label
      b.style.cssText = `flex:1;padding:10px;border:0;border-radius:6px;font-size:16px;${style}`
      b.onclick = () => {
        mask.remove()
        resolve(allow)
      }
      buttons.appendChild(b)
    }
    button('取消', false, 'background:#f2f2f2;color:#333')
    button('允许', true, 'background:#067a3c;color:#fff')
    panel.appendChild(buttons)
    mask.appendChild(panel)
    document.body.appendChild(mask)
  })
}
