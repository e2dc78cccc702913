export default definePageConfig({
  navigationBarTitleText: '看板明细',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
