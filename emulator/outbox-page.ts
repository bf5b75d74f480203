// `GET /_emulator/outbox.html`: the subscribe messages delivered so far, each as a phone shows it under 服务通知
// (template title, keyword names and values, 进入小程序查看). Titles and keyword names come from the app's local
// template defaults, the way WeChat knows them from the templates picked in its console.
import { formatChinaTime } from '@core/shared/china-time'
import { DEFAULT_TEMPLATES, type Template } from '@core/messages/templates'
import type { Doc } from './ejson'

const byId = new Map<string, Template>(Object.values(DEFAULT_TEMPLATES).map((t) => [t.id, t]))

export function outboxPage(messages: Doc[]): string {
  const cards = messages.map((m) => card(m)).join('\n')
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>服务通知 · 本地云</title>
<style>
body{margin:0;background:#ededed;font:15px/1.5 -apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#111}
h1{font-size:17px;text-align:center;margin:0;padding:14px;background:#f7f7f7;border-bottom:1px solid #ddd}
.msg{background:#fff;margin:12px;border-radius:8px;padding:14px 16px}
.meta{color:#999;font-size:12px}.title{font-size:17px;margin:4px 0 10px}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0}dt{color:#999}dd{margin:0}
.open{border-top:1px solid #eee;margin-top:12px;padding-top:10px;color:#576b95}.empty{text-align:center;color:#999;padding:40px}
</style></head><body><h1>服务通知</h1>
${cards || '<p class="empty">还没有消息</p>'}
</body></html>`
}

function card(m: Doc): string {
  const template = byId.get(String(m.templateId))
  const data = (m.data ?? {}) as Record<string, { value?: unknown }>
  const rows = Object.entries(data)
    .map(
      ([key, item]) =>
        `<dt>${esc(template?.labels?.[key] ?? key)}</dt><dd>${esc(String(item?.value ?? ''))}</dd>`,
    )
    .join('')
  const sentAt = m.sentAt instanceof Date ? m.sentAt : new Date(String(m.sentAt))
  const query = (m.query ?? {}) as Record<string, string>
  return `<section class="msg" data-template="${esc(String(m.templateId))}" data-message-id="${esc(query.m ?? '')}">
<div class="meta">举手 · 发给 ${esc(String(m.touser))} · ${esc(formatChinaTime(sentAt.getTime()))}</div>
<div class="title">${esc(template?.title ?? String(m.templateId))}</div><dl>${rows}</dl>
<div class="open">进入小程序查看 ›</div></section>`
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
