export default definePageConfig({
  navigationBarTitleText: '项目四公开',
  enableShareAppMessage: true,
})
