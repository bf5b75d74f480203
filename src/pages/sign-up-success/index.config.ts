export default definePageConfig({ navigationBarTitleText: '举手' })
