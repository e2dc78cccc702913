export default definePageConfig({
  navigationBarTitleText: '分片督导',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
