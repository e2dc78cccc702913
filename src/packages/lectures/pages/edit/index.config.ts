export default definePageConfig({
  navigationBarTitleText: '编辑微讲坛',
})
