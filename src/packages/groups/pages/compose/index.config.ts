export default definePageConfig({
  navigationBarTitleText: '发布',
  enablePullDownRefresh: false,
  backgroundTextStyle: 'light',
})
