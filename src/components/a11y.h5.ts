// The browser: ARIA attributes, tabIndex for the keyboard, and Enter/Space on something that acts as a button (a real
// <button> does that by itself; a <div> does not). View, Text, Image, Input and Button draw plain HTML here
// (h5.useHtmlComponents); Textarea and Switch are still Taro's custom elements wrapping the real control.
import type { A11yProps, FieldControl } from './a11y'

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
  // Image is a <div> around the real <img>: the alt text goes on the <img>
  return label ? { imgProps: { alt: label } } : { 'aria-hidden': 'true', imgProps: { alt: '' } }
}

export function asField(label: string, control: FieldControl = 'input'): A11yProps {
  // Input is the <input> itself; Taro's <taro-textarea-core> and <taro-switch-core> wrap theirs
  return control === 'input' ? { 'aria-label': label } : { nativeProps: { 'aria-label': label } }
}

export function decorative(): A11yProps {
  return { 'aria-hidden': 'true' }
}

export function scrollRegion(label: string): A11yProps {
  // what it holds (chips) is what the keyboard reaches; focusing one scrolls it into view
  return { role: 'region', 'aria-label': label }
}

/**
 * The controls Taro draws itself in the browser, with the name each one gets (undefined: named by its words): its
 * Button is a <div>, its title bar's back and home controls are bare <div>s with an icon.
 */
const TARO_CONTROLS: Array<[selector: string, label?: string]> = [
  ['.taro-button-core'],
  ['.taro-navigation-bar-back', '返回'],
  ['.taro-navigation-bar-home', '回到首页'],
]
const CONTROL = TARO_CONTROLS.map(([selector]) => selector).join(',')
/** the title bar's title: the page's heading */
const BAR_TITLE = '.taro-navigation-bar-title'

function asKeyboardButton(button: Element): void {
  // Taro leaves `disabled="false"` on a button enabled again (see test/ui/button-disabled.test.ts)
  const disabled = button.hasAttribute('disabled') && button.getAttribute('disabled') !== 'false'
  if (button.getAttribute('role') !== 'button') button.setAttribute('role', 'button')
  const tabIndex = disabled ? '-1' : '0'
  if (button.getAttribute('tabindex') !== tabIndex) button.setAttribute('tabindex', tabIndex)
  if (disabled) button.setAttribute('aria-disabled', 'true')
  else button.removeAttribute('aria-disabled')
  const label = TARO_CONTROLS.find(([selector]) => button.matches(selector))?.[1]
  if (label && button.getAttribute('aria-label') !== label) {
    button.setAttribute('aria-label', label)
    button.querySelector('svg')?.setAttribute('aria-hidden', 'true')
  }
}

function within(node: Node, selector: string): Element[] {
  if (!(node instanceof Element)) return []
  const inside = Array.from(node.querySelectorAll(selector))
  return node.matches(selector) ? [node, ...inside] : inside
}

function enhance(node: Node): void {
  within(node, CONTROL).forEach(asKeyboardButton)
  for (const title of within(node, BAR_TITLE)) {
    title.setAttribute('role', 'heading')
    title.setAttribute('aria-level', '1')
  }
}

let keyboardButtons = false

export function enableKeyboardButtons(): void {
  if (keyboardButtons || typeof document === 'undefined') return
  keyboardButtons = true
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      // `disabled` also changes on inputs and switches: only controls are buttons
      if (record.type === 'attributes') {
        if ((record.target as Element).matches(CONTROL)) asKeyboardButton(record.target as Element)
      } else record.addedNodes.forEach(enhance)
    }
  })
  const start = () => {
    enhance(document.body)
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
    if (!target?.matches(CONTROL) || target.getAttribute('aria-disabled') === 'true') return
    event.preventDefault()
    ;(target as HTMLElement).click()
  })
}
