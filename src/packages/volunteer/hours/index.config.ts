export default definePageConfig({ navigationBarTitleText: '志愿时长', enablePullDownRefresh: true })
