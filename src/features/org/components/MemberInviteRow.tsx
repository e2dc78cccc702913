import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MemberView } from '@contract/api'
import './member-invite-row.css'

export interface MemberInviteRowProps {
  member: MemberView
  busy: boolean
  onInvite: () => void
}

/** One member of the branch: bound to WeChat, or with a 生成邀请码 action for their secretary. */
export function MemberInviteRow({ member, busy, onInvite }: MemberInviteRowProps) {
  return (
    <View className="member-invite-row">
      <View className="member-invite-row__body">
        <Text className="member-invite-row__name">{member.name}</Text>
        <Text className="member-invite-row__meta">
          {[member.title, member.groupName].filter(Boolean).join(' · ') || '党员'}
        </Text>
      </View>
      {member.bound ? (
        <Text className="member-invite-row__bound">已绑定微信</Text>
      ) : (
        <Button
          className="member-invite-row__invite"
          type="primary"
          size="small"
          disabled={busy}
          onClick={onInvite}
        >
          生成邀请码
        </Button>
      )}
    </View>
  )
}
