export default definePageConfig({ navigationBarTitleText: '登记机构' })
