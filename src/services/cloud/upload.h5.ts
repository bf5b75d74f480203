// In the browser: scale the picked image down on a canvas (at most 1280 px wide, JPEG), then hand it to the local
// cloud's upload door, which names the file itself (in a folder of the caller's own, never over another's file);
// the browser keeps the URL, as it cannot resolve a cloud:// fileID.
import Taro from '@tarojs/taro'
import { currentPersona } from './persona'
import type { UploadImage } from './upload'

const MAX_WIDTH = 1280

// a browser has no camera choice to offer: straight to the file picker
export function pickImage(): Promise<string | undefined> {
  return Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album'] }).then(
    (picked) => picked.tempFilePaths[0],
  )
}

async function compress(filePath: string): Promise<Blob> {
  const picked = await (await fetch(filePath)).blob()
  const bitmap = await createImageBitmap(picked)
  const scale = Math.min(1, MAX_WIDTH / bitmap.width)
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(bitmap.width * scale)
  canvas.height = Math.round(bitmap.height * scale)
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('compress failed'))), 'image/jpeg', 0.8),
  )
}

export const uploadImage: UploadImage = async (filePath, folder) => {
  const body = await compress(filePath)
  const headers: Record<string, string> = { 'content-type': 'image/jpeg' }
  const persona = currentPersona()
  if (persona) headers['x-wx-openid'] = persona.openid
  const res = await fetch(`${H5_API_BASE}/upload?folder=${encodeURIComponent(folder)}`, {
    method: 'POST',
    headers,
    body,
  })
  if (!res.ok) throw new Error(`upload failed: ${res.status}`)
  const { url } = (await res.json()) as { url: string }
  return url
}
