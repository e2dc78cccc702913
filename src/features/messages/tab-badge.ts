import Taro from '@tarojs/taro'

/** The 消息 tab's position in app.config.ts tabBar.list. */
export const MESSAGES_TAB_INDEX = 3

/** Shows how many messages are unread on the 消息 tab; a hint only, so failures are ignored. */
export function setMessagesBadge(count: number): void {
  const done =
    count > 0
      ? Taro.setTabBarBadge({ index: MESSAGES_TAB_INDEX, text: count > 99 ? '99+' : String(count) })
      : Taro.removeTabBarBadge({ index: MESSAGES_TAB_INDEX })
  void Promise.resolve(done).catch(() => undefined)
}
