export default definePageConfig({ navigationBarTitleText: '工时确认' })
