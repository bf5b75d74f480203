// The browser: Taro 4.2.1's router hides the page below a newly opened one on a timer (the slide's length, 350 ms)
// and does not cancel it when that page is shown again first. A person who goes back while the new page is still
// sliding in got a blank list. The router's own mark of a hidden page is the class `taro_page_shade` on its
// element (whose id is the page's path): taken off again whenever it lands on the page now on top.
import Taro from '@tarojs/taro'

const HIDDEN = 'taro_page_shade'

function topPageId(): string | undefined {
  const pages = Taro.getCurrentPages()
  return pages[pages.length - 1]?.path
}

export function keepTopPageShown(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return
  const observer = new MutationObserver((records) => {
    const hidden = records
      .map((record) => record.target as Element)
      .filter((page) => page.classList.contains('taro_page') && page.classList.contains(HIDDEN))
    if (hidden.length === 0) return
    // read after the router's own step: its stack already says which page is on top
    const top = topPageId()
    for (const page of hidden) if (page.id === top) page.classList.remove(HIDDEN)
  })
  const start = () =>
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'] })
  if (document.body) start()
  else document.addEventListener('DOMContentLoaded', start, { once: true })
}
