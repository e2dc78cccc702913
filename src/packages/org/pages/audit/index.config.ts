export default definePageConfig({
  navigationBarTitleText: '操作记录与索引',
  enablePullDownRefresh: true,
})
