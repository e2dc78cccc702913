export default definePageConfig({
  navigationBarTitleText: '打卡写实',
  enablePullDownRefresh: false,
  backgroundTextStyle: 'light',
})
