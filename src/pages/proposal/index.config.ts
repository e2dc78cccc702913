export default definePageConfig({
  navigationBarTitleText: '立项表',
})
