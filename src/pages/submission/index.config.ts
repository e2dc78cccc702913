export default definePageConfig({
  navigationBarTitleText: '节点审批',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
