export default definePageConfig({ navigationBarTitleText: '平台管理' })
