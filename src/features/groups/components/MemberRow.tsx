import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RosterMember } from '@contract/api'
import './member-row.css'

export interface MemberRowProps {
  member: RosterMember
}

/** 电话调度: dialling is the phone's own screen; closing it is not an error. */
const call = (phoneNumber: string) => {
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)
}

/**
 * One member of the roster: role in words, title, this month's check-ins, and a call button only when the
 * server sent the phone (the person, their secretary and the committee see it; others get null).
 */
export function MemberRow({ member }: MemberRowProps) {
  const phone = member.phone
  return (
    <View className="member-row">
      <View className="member-row__main">
        <View className="member-row__head">
          <Text className="member-row__name">{member.name}</Text>
          <Text className={`member-row__role member-row__role--${member.groupRole}`}>{member.roleLabel}</Text>
        </View>
        {member.title ? <Text className="member-row__title">{member.title}</Text> : null}
        <Text className="member-row__checkins">本月打卡 {member.checkinsThisMonth} 次</Text>
      </View>
      {phone ? (
        <View
          className="member-row__call"
          ariaRole="button"
          ariaLabel={`给${member.name}打电话`}
          onClick={() => call(phone)}
        >
          <Text className="member-row__call-word">打电话</Text>
          <Text className="member-row__phone">{phone}</Text>
        </View>
      ) : null}
    </View>
  )
}
