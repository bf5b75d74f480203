export default definePageConfig({
  // not 「报名成功」: a volunteer on the waitlist lands here too (the page itself says which)
  navigationBarTitleText: '报名结果',
})
