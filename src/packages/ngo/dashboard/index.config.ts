export default definePageConfig({ navigationBarTitleText: '我是组织者' })
