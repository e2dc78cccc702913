export default definePageConfig({
  navigationBarTitleText: '微讲坛',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
