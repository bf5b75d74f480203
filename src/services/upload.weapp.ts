// On WeChat: compress with the platform, then wx.cloud.uploadFile; the cloud fileID is what gets stored.
import Taro from '@tarojs/taro'
import { uploadName, type UploadImage } from './upload'

export { uploadName }

export const uploadImage: UploadImage = async (filePath, folder) => {
  const { tempFilePath } = await Taro.compressImage({ src: filePath, quality: 70 })
  const { fileID } = await Taro.cloud.uploadFile({
    cloudPath: `${folder}/${uploadName('jpg')}`,
    filePath: tempFilePath,
  })
  return fileID
}
