export default definePageConfig({
  navigationBarTitleText: '提交里程碑',
  enablePullDownRefresh: false,
  backgroundTextStyle: 'light',
})
