// WeChat's screen reader: aria-role, aria-label, aria-hidden (the tap itself is WeChat's business).
import type { A11yProps, FieldControl } from './a11y'

export function asButton(label: string, state?: { pressed?: boolean; namedByContent?: boolean }): A11yProps {
  return { ariaRole: 'button', ariaLabel: state?.pressed ? `${label}，已选中` : label }
}

export function asCheckbox(
  label: string,
  checked: boolean,
  role: 'checkbox' | 'radio' = 'checkbox',
): A11yProps {
  return { ariaRole: role, ariaLabel: `${label}，${checked ? '已选中' : '未选中'}` }
}

export function asImage(label?: string): A11yProps {
  return label ? { ariaRole: 'img', ariaLabel: label } : { ariaHidden: true }
}

export function asField(label: string, _control?: FieldControl): A11yProps {
  return { ariaLabel: label }
}

export function decorative(): A11yProps {
  return { ariaHidden: true }
}

export function scrollRegion(label: string): A11yProps {
  return { ariaLabel: label }
}

export function enableKeyboardButtons(): void {
  // WeChat's <button> is a real control for its screen reader
}
