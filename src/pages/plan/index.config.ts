export default definePageConfig({
  navigationBarTitleText: '计划书',
})
