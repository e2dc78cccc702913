import { createElement, Fragment, type PropsWithChildren } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { WayHome } from './components/WayHome'
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
  // H5 has no navigation bar: a page opened on its own (a shared link, a 四公开 QR) gets 返回首页 beside it.
  // It goes before the pages: Taro H5 hides every page that is not the router's last child.
  // On weapp WeChat's navigation bar has its own home button, and nothing outside a page is drawn.
  if (process.env.TARO_ENV !== 'h5') return children
  return createElement(Fragment, null, createElement(WayHome), children)
}

export default App
