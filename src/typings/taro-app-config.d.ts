import '@tarojs/taro'

// Taro 4.2.1's AppConfig omits the mini-program's `cloud` switch, which app.json needs for wx.cloud.
declare module '@tarojs/taro' {
  interface AppConfig {
    cloud?: boolean
    /** Opts in to wx.onNeedPrivacyAuthorization before it became the default. */
    __usePrivacyCheck__?: boolean
  }
}
