export default definePageConfig({
  navigationBarTitleText: '十佳风采',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
