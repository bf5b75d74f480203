export default definePageConfig({ navigationBarTitleText: '公益地图' })
