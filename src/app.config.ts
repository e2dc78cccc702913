export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/checkin/index',
    'pages/approvals/index',
    'pages/mine/index',
    'pages/project/index',
    'pages/proposal/index',
    'pages/plan/index',
    'pages/acceptance/index',
    'pages/review/index',
    'pages/public/index',
    'pages/checkin-new/index',
    'pages/milestone-submit/index',
    'pages/submission/index',
    'pages/messages/index',
    'pages/reminder-settings/index',
    'pages/privacy/index',
  ],
  // Secondary areas load on demand, keeping the main package small (WeChat: main ≤ 2 MB, ours ≤ 1 MB).
  subPackages: [
    {
      root: 'packages/groups',
      pages: [
        'pages/index/index',
        'pages/feed/index',
        'pages/compose/index',
        'pages/post/index',
        'pages/readers/index',
      ],
    },
    {
      root: 'packages/dashboard',
      pages: ['pages/index/index', 'pages/list/index'],
    },
    {
      root: 'packages/admin',
      pages: [
        'pages/ledger/index',
        'pages/supervision/index',
        'pages/spot-check/index',
        'pages/rectifications/index',
        'pages/evaluation/index',
        'pages/supervision-record/index',
        'pages/supervision-record-new/index',
        'pages/survey/index',
      ],
    },
    {
      root: 'packages/org',
      pages: [
        'pages/members/index',
        'pages/roster-import/index',
        'pages/bind/index',
        'pages/search/index',
        'pages/admin/index',
      ],
    },
    {
      root: 'packages/lectures',
      pages: [
        'pages/index/index',
        'pages/detail/index',
        'pages/quiz/index',
        'pages/edit/index',
        'pages/stats/index',
      ],
    },
  ],
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
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab-bar/home.png',
        selectedIconPath: 'assets/tab-bar/home-active.png',
      },
      {
        pagePath: 'pages/checkin/index',
        text: '打卡',
        iconPath: 'assets/tab-bar/checkin.png',
        selectedIconPath: 'assets/tab-bar/checkin-active.png',
      },
      {
        pagePath: 'pages/approvals/index',
        text: '待审批',
        iconPath: 'assets/tab-bar/approvals.png',
        selectedIconPath: 'assets/tab-bar/approvals-active.png',
      },
      {
        pagePath: 'pages/messages/index',
        text: '消息',
        iconPath: 'assets/tab-bar/messages.png',
        selectedIconPath: 'assets/tab-bar/messages-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab-bar/mine.png',
        selectedIconPath: 'assets/tab-bar/mine-active.png',
      },
    ],
  },
  cloud: true,
  // WeChat's privacy rules (2023): location APIs are named here, and onNeedPrivacyAuthorization is used.
  requiredPrivateInfos: ['chooseLocation'],
  __usePrivacyCheck__: true,
  // Only the 四公开 page is offered to WeChat search; components load only where a page uses them.
  sitemapLocation: 'sitemap.json',
  lazyCodeLoading: 'requiredComponents',
})
