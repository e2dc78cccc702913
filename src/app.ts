import type { PropsWithChildren } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { usePendingCheckins } from './features/checkin/pending-store'
import { initCloud } from './services/cloud-init'
import { listenForPrivacyAuthorization } from './services/privacy'
import { preloadSubscribeTemplates } from './services/subscribe'
import './app.css'

dayjs.locale('zh-cn')

initCloud()
listenForPrivacyAuthorization()

// Check-ins kept on the phone go out as soon as the network is back.
Taro.onNetworkStatusChange?.((res) => {
  if (res.isConnected) void usePendingCheckins.getState().flush()
})

function App({ children }: PropsWithChildren) {
  useDidShow(() => {
    void usePendingCheckins.getState().flush()
    // WeChat only opens the subscribe dialog straight from a tap: the template ids must be known before one,
    // also when a reminder opens a page deep in the app.
    preloadSubscribeTemplates()
  })
  return children
}

export default App
