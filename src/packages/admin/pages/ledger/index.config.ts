export default definePageConfig({
  navigationBarTitleText: '管理台账',
})
