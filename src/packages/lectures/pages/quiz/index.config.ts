export default definePageConfig({
  navigationBarTitleText: '随堂测验',
})
