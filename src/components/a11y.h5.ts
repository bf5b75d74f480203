// The browser: ARIA attributes on Taro's custom elements, tabIndex for the keyboard, and Enter/Space on something
// that acts as a button (a real <button> does that by itself; a <taro-view-core> does not).
import type { A11yProps } from './a11y'

type KeyEvent = Parameters<NonNullable<A11yProps['onKeyDown']>>[0]

function pressOnKey(event: KeyEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return
  event.preventDefault()
  ;(event.currentTarget as HTMLElement).click()
}

export function asButton(label: string, state?: { pressed?: boolean; namedByContent?: boolean }): A11yProps {
  return {
    role: 'button',
    'aria-label': state?.namedByContent ? undefined : label,
    'aria-pressed': state?.pressed === undefined ? undefined : String(state.pressed),
    tabIndex: 0,
    onKeyDown: pressOnKey,
  }
}

export function asCheckbox(
  label: string,
  checked: boolean,
  role: 'checkbox' | 'radio' = 'checkbox',
): A11yProps {
  return { role, 'aria-label': label, 'aria-checked': String(checked), tabIndex: 0, onKeyDown: pressOnKey }
}

export function asImage(label?: string): A11yProps {
  // the custom element wraps a real <img>: the alt text goes there
  return label
    ? { role: 'img', 'aria-label': label, nativeProps: { alt: label } }
    : { 'aria-hidden': 'true', nativeProps: { alt: '' } }
}

export function asField(label: string): A11yProps {
  // onto the real <input>/<textarea> inside Taro's element
  return { nativeProps: { 'aria-label': label } }
}

export function decorative(): A11yProps {
  return { 'aria-hidden': 'true' }
}

export function scrollRegion(label: string): A11yProps {
  return { role: 'region', 'aria-label': label, tabIndex: 0 }
}

const TARO_BUTTON = 'taro-button-core'

function asKeyboardButton(button: Element): void {
  // Taro leaves `disabled="false"` on a button enabled again (see test/ui/button-disabled.test.ts)
  const disabled = button.hasAttribute('disabled') && button.getAttribute('disabled') !== 'false'
  if (button.getAttribute('role') !== 'button') button.setAttribute('role', 'button')
  const tabIndex = disabled ? '-1' : '0'
  if (button.getAttribute('tabindex') !== tabIndex) button.setAttribute('tabindex', tabIndex)
  if (disabled) button.setAttribute('aria-disabled', 'true')
  else button.removeAttribute('aria-disabled')
}

function buttonsIn(node: Node): Element[] {
  if (!(node instanceof Element)) return []
  const inside = Array.from(node.getElementsByTagName(TARO_BUTTON))
  return node.localName === TARO_BUTTON ? [node, ...inside] : inside
}

let keyboardButtons = false

export function enableKeyboardButtons(): void {
  if (keyboardButtons || typeof document === 'undefined') return
  keyboardButtons = true
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') asKeyboardButton(record.target as Element)
      else record.addedNodes.forEach((node) => buttonsIn(node).forEach(asKeyboardButton))
    }
  })
  const start = () => {
    buttonsIn(document.body).forEach(asKeyboardButton)
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['disabled'],
    })
  }
  if (document.body) start()
  else document.addEventListener('DOMContentLoaded', start, { once: true })
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    const target = event.target as Element | null
    if (target?.localName !== TARO_BUTTON || target.getAttribute('aria-disabled') === 'true') return
    event.preventDefault()
    ;(target as HTMLElement).click()
  })
}
