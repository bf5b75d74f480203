// The people of the local demo: the H5 persona picker signs in as one of them, the demo data refers to them.
// Shaped like real openids (28 chars) so length limits are exercised as on WeChat.

export interface Persona {
  key: 'volunteer' | 'volunteer2' | 'organizer' | 'admin'
  openid: string
  label: string
  nickname: string
}

export const PERSONAS: readonly Persona[] = [
  { key: 'volunteer', openid: 'oJUSHOU_demo_volunteer_xlin0', label: '志愿者 小林', nickname: '小林' },
  { key: 'volunteer2', openid: 'oJUSHOU_demo_volunteer_amei0', label: '志愿者 阿梅', nickname: '阿梅' },
  { key: 'organizer', openid: 'oJUSHOU_demo_organizer_mq000', label: '民勤治沙 组织者', nickname: '老马' },
  { key: 'admin', openid: 'oJUSHOU_demo_platform_admin0', label: '平台管理员', nickname: '管理员' },
]
