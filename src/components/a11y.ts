// What screen readers and keyboards get: on WeChat aria-role/-label/-hidden; in the browser ARIA, tabIndex, keys.
//
// WeChat's screen reader reads `aria-role` / `aria-label` / `aria-hidden` (Taro props ariaRole, ariaLabel,
// ariaHidden). Taro 4.2.1's weapp template does not carry them yet: adding them with mergeComponents shifted its
// attribute aliases and left inputs without placeholders and images without src on the phone (the WeChat-runtime
// stage caught it), so on weapp these props wait for a Taro that writes them. In the browser Taro's components draw HTML
// elements (or, for some, custom elements) that take `role`, `aria-*` and `tabIndex` as attributes; ariaRole would
// become a meaningless `aria-role` attribute there.

/** Props to spread on a Taro component (View, Text, Image, ScrollView). */
export interface A11yProps {
  ariaRole?: string
  ariaLabel?: string
  ariaHidden?: boolean
  role?: string
  tabIndex?: number
  nativeProps?: Record<string, unknown>
  imgProps?: Record<string, unknown>
  onKeyDown?: (event: { key: string; currentTarget: unknown; preventDefault: () => void }) => void
  [attribute: `aria-${string}`]: string | undefined
}

/**
 * Something tapped that is not a Button (a card, a chip): a button to screen readers, focusable by keyboard.
 * `namedByContent`: the browser names it by the text inside (a card: its visible words must be in its name, which
 * a summary label can miss); WeChat still gets the label.
 */
export declare function asButton(
  label: string,
  state?: { pressed?: boolean; namedByContent?: boolean },
): A11yProps

/** A tick box drawn with Views. */
export declare function asCheckbox(label: string, checked: boolean, role?: 'checkbox' | 'radio'): A11yProps

/** An Image: its alt text, or hidden from screen readers when it only decorates. */
export declare function asImage(label?: string): A11yProps

/** Which control a field is: the browser draws an Input as the <input> itself, a Textarea or Switch inside a wrapper. */
export type FieldControl = 'input' | 'textarea' | 'switch'

/** A field (Input, Textarea, Switch) named by a label shown beside it rather than tied to it. */
export declare function asField(label: string, control?: FieldControl): A11yProps

/** A decoration (an icon next to words that say the same): skipped by screen readers. */
export declare function decorative(): A11yProps

/** Around a region that scrolls on its own (a row of chips): named, its controls the keyboard reaches. */
export declare function scrollRegion(label: string): A11yProps

/**
 * Once, at launch: make the platform's own buttons reachable. In the browser Taro's Button is a custom element
 * with no role, out of the tab order and deaf to Enter; after this every one on the page, now and later, is a button
 * a keyboard reaches and presses (a disabled one says so and stays out of the tab order). WeChat's buttons are its
 * own: nothing to do there.
 */
export declare function enableKeyboardButtons(): void
