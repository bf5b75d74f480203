// In the browser: an ordinary download under the file's own name.
import type { OpenExport } from './open-export'

export const openExport: OpenExport = async (url, fileName) => {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
}
