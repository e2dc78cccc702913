export default definePageConfig({
  navigationBarTitleText: '项目打卡',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
