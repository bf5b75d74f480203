export default definePageConfig({ navigationBarTitleText: '我是组织者', enableShareAppMessage: true })
