/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string
  export default src
}
declare module '*.css'

/** WeChat cloud environment id, injected by config/index.ts defineConstants at build time. */
declare const CLOUD_ENV: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5'
    CLOUD_ENV?: string
  }
}
