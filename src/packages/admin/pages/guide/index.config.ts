export default definePageConfig({
  navigationBarTitleText: '选题指南',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
