import Taro from '@tarojs/taro'

/** The 待审批 tab's position in app.config.ts tabBar.list. */
export const APPROVALS_TAB_INDEX = 1

/** Shows how many approvals wait on the 待审批 tab; a hint only, so failures are ignored. */
export function setApprovalBadge(count: number): void {
  const done =
    count > 0
      ? Taro.setTabBarBadge({ index: APPROVALS_TAB_INDEX, text: count > 99 ? '99+' : String(count) })
      : Taro.removeTabBarBadge({ index: APPROVALS_TAB_INDEX })
  void Promise.resolve(done).catch(() => undefined)
}
