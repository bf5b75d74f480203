// On WeChat: compress with the platform, then wx.cloud.uploadFile; the cloud fileID is what gets stored.
import Taro from '@tarojs/taro'
import type { UploadImage } from './upload'
import { uploadName } from './upload-name'

export const uploadImage: UploadImage = async (filePath, folder) => {
  const { tempFilePath } = await Taro.compressImage({ src: filePath, quality: 70 })
  const { fileID } = await Taro.cloud.uploadFile({
    cloudPath: `${folder}/${uploadName('jpg')}`,
    filePath: tempFilePath,
  })
  return fileID
}
