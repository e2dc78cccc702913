export default definePageConfig({
  navigationBarTitleText: '整改任务',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
