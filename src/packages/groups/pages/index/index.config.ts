export default definePageConfig({
  navigationBarTitleText: '党小组',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
