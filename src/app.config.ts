export default defineAppConfig({
  pages: [
    'pages/calls/index',
    'pages/call-detail/index',
    'pages/sign-up/index',
    'pages/sign-up-success/index',
    'pages/mine/index',
  ],
  // the NGO console: loaded only by organizers and platform admins, so the main package stays small
  subPackages: [
    {
      root: 'packages/ngo',
      pages: [
        'dashboard/index',
        'register/index',
        'call-editor/index',
        'roster/index',
        'admin/index',
        'join/index',
        'directory/index',
        'profile/index',
        'checkin/index',
        'hours/index',
      ],
    },
    // the volunteer's attendance: check-in, hours, certificates (opened from 我的, not on every start)
    {
      root: 'packages/volunteer',
      pages: ['checkin/index', 'hours/index', 'certificate/index', 'verify/index', 'privacy/index'],
    },
  ],
  window: {
    // WeChat's default; said out loud because Taro's browser build shows its title bar (and its back control on
    // sub-pages) only when it is
    navigationStyle: 'default',
    navigationBarTitleText: '举手',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#646a73',
    selectedColor: '#067a3c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/calls/index',
        text: '志愿活动',
        iconPath: 'assets/tab-calls.png',
        selectedIconPath: 'assets/tab-calls-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab-mine.png',
        selectedIconPath: 'assets/tab-mine-active.png',
      },
    ],
  },
  // we collect a name and phone number for sign-ups: WeChat requires the privacy guide flow
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
  // the call editor picks a place on WeChat's map: the only location API the app calls (no getLocation, no
  // background location), declared here as WeChat requires since 2022
  requiredPrivateInfos: ['chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于在地图上选择志愿活动的地点' },
  },
  // which pages WeChat search may index: the list of calls and a call's detail (src/sitemap.json)
  sitemapLocation: 'sitemap.json',
})
