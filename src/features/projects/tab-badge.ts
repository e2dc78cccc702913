import Taro from '@tarojs/taro'
import { isCommittee, isSecretary, type Grants } from '@domain/roles'

/** The 待审批 tab's position in app.config.ts tabBar.list. */
export const APPROVALS_TAB_INDEX = 2

/** Who has queues on 待审批: the committee (proposals, acceptances, milestones) or a secretary (milestones). */
export type Approver = 'committee' | 'secretary'

/** The strongest approving role a person holds, or null for a member, who approves nothing. */
export const approverOf = (me: Grants | null | undefined): Approver | null =>
  !me ? null : isCommittee(me) ? 'committee' : isSecretary(me) ? 'secretary' : null

/** Shows how many approvals wait on the 待审批 tab; a hint only, so failures are ignored. */
export function setApprovalBadge(count: number): void {
  const done =
    count > 0
      ? Taro.setTabBarBadge({ index: APPROVALS_TAB_INDEX, text: count > 99 ? '99+' : String(count) })
      : Taro.removeTabBarBadge({ index: APPROVALS_TAB_INDEX })
  void Promise.resolve(done).catch(() => undefined)
}
