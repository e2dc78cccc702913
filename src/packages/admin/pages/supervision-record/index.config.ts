export default definePageConfig({
  navigationBarTitleText: '督导记录',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
