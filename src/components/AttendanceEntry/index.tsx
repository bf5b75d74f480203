// 我的's way to attendance: 扫码签到 (the scanner on WeChat, straight to the check-in; the browser opens the page
// with a field to paste a code), 我的签到码 and 志愿时长. The pages live in the volunteer subpackage.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Icon from '@components/Icon'
import { asButton } from '@components/a11y'
import { CHECK_IN_PAGE, scanToCheckIn } from './scan-to-check-in'
import './index.scss'

export default function AttendanceEntry() {
  return (
    <View className="attendance-entry">
      <View
        className="attendance-entry__tile"
        id="entry-scan"
        onClick={scanToCheckIn}
        {...asButton('扫码签到')}
      >
        <Icon name="camera" size={48} color="brand" />
        <Text>扫码签到</Text>
      </View>
      <View
        className="attendance-entry__tile"
        id="entry-my-code"
        onClick={() => Taro.navigateTo({ url: CHECK_IN_PAGE })}
        {...asButton('我的签到码')}
      >
        <Icon name="badge" size={48} color="brand" />
        <Text>我的签到码</Text>
      </View>
      <View
        className="attendance-entry__tile"
        id="entry-hours"
        onClick={() => Taro.navigateTo({ url: '/packages/volunteer/hours/index' })}
        {...asButton('志愿时长')}
      >
        <Icon name="clock" size={48} color="brand" />
        <Text>志愿时长</Text>
      </View>
    </View>
  )
}
