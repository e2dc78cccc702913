export default definePageConfig({
  navigationBarTitleText: '十佳经验',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
