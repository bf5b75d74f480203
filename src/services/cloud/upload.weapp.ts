// On WeChat: the album or the camera; compress with the platform, then wx.cloud.uploadFile; the cloud fileID is
// what gets stored.
import Taro from '@tarojs/taro'
import type { UploadImage } from './upload'
import { uploadName } from './upload-name'

export function pickImage(): Promise<string | undefined> {
  return Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] }).then(
    (picked) => picked.tempFilePaths[0],
  )
}

// promise chains rather than async functions: the weapp build turns each of those into a generator and its helper
export const uploadImage: UploadImage = (filePath, folder) =>
  Taro.compressImage({ src: filePath, quality: 70 })
    .then((compressed) =>
      Taro.cloud.uploadFile({
        cloudPath: `${folder}/${uploadName('jpg')}`,
        filePath: compressed.tempFilePath,
      }),
    )
    .then((uploaded) => uploaded.fileID)
