export default definePageConfig({ navigationBarTitleText: '机构主页' })
