export default definePageConfig({
  navigationBarTitleText: '验收评分',
})
