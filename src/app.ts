import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import './app.css'

dayjs.locale('zh-cn')

// Once, before any page calls a function; H5 talks to localcloud over HTTP instead.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: CLOUD_ENV, traceUser: true })
}

function App({ children }: PropsWithChildren) {
  return children
}

export default App
