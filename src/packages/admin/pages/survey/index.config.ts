export default definePageConfig({
  navigationBarTitleText: '大调研',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
