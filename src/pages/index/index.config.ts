export default definePageConfig({
  navigationBarTitleText: '党建项目通',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
