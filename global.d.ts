/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string
  export default src
}
declare module '*.css'

/** WeChat cloud environment id from TARO_APP_CLOUD_ENV, injected at build time; '' = the default environment. */
declare const CLOUD_ENV: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5'
    TARO_APP_CLOUD_ENV?: string
  }
}
