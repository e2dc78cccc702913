import { PAGES, appPages } from '../types/routes'

export default defineAppConfig({
  // Every page and subpackage comes from the one route table (types/routes.ts). Secondary areas load on demand,
  // keeping the main package small (WeChat: main ≤ 2 MB, ours ≤ 1 MB).
  ...appPages(),
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#F5F5F5',
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTitleText: '党建项目通',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#4E5969',
    selectedColor: '#C8161D',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      {
        pagePath: PAGES.home,
        text: '首页',
        iconPath: 'assets/tab-bar/home.png',
        selectedIconPath: 'assets/tab-bar/home-active.png',
      },
      {
        pagePath: PAGES.checkin,
        text: '打卡',
        iconPath: 'assets/tab-bar/checkin.png',
        selectedIconPath: 'assets/tab-bar/checkin-active.png',
      },
      {
        pagePath: PAGES.approvals,
        text: '待审批',
        iconPath: 'assets/tab-bar/approvals.png',
        selectedIconPath: 'assets/tab-bar/approvals-active.png',
      },
      {
        pagePath: PAGES.messages,
        text: '消息',
        iconPath: 'assets/tab-bar/messages.png',
        selectedIconPath: 'assets/tab-bar/messages-active.png',
      },
      {
        pagePath: PAGES.mine,
        text: '我的',
        iconPath: 'assets/tab-bar/mine.png',
        selectedIconPath: 'assets/tab-bar/mine-active.png',
      },
    ],
  },
  cloud: true,
  // H5 only (WeChat ignores it): pages appear in place instead of sliding. With the slide, Taro 4.2.1's H5 router
  // hides the page left behind by a timer (350 ms) that a Back does not cancel: after a fast Back the page
  // returned to was hidden by it, and the screen went blank. Without the slide no such timer runs.
  // e2e/navigation.e2e.test.ts holds it.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  // WeChat's privacy rules (2023): location APIs are named here, and onNeedPrivacyAuthorization is used.
  requiredPrivateInfos: ['chooseLocation'],
  __usePrivacyCheck__: true,
  // Only the 四公开 page is offered to WeChat search; components load only where a page uses them.
  sitemapLocation: 'sitemap.json',
  lazyCodeLoading: 'requiredComponents',
})
