export default definePageConfig({
  navigationBarTitleText: '党员微讲坛',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
