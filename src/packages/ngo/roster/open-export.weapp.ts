// In WeChat: download the file and open it in WeChat's document viewer (which can forward it or open it elsewhere).
import Taro from '@tarojs/taro'
import type { OpenExport } from './open-export'

export const openExport: OpenExport = async (url) => {
  const { tempFilePath } = await Taro.downloadFile({ url })
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
}
