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

export const uploadImage: UploadImage = async (filePath, folder) => {
  const { tempFilePath } = await Taro.compressImage({ src: filePath, quality: 70 })
  const { fileID } = await Taro.cloud.uploadFile({
    cloudPath: `${folder}/${uploadName('jpg')}`,
    filePath: tempFilePath,
  })
  return fileID
}
