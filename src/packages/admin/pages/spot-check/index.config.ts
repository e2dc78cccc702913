export default definePageConfig({
  navigationBarTitleText: '随机抽查',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
