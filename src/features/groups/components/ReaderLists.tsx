import { View, Text } from '@tarojs/components'
import type { ReadersView } from '@contract/api'
import { Card } from '@/components/Card'
import { timeText } from '@domain/time'
import './reader-lists.css'

export interface ReaderListsProps {
  readers: ReadersView
}

/** 阅读情况: how many have read the announcement, who and when, and who in the group has not yet. */
export function ReaderLists({ readers }: ReaderListsProps) {
  // Of the group's own members: the secretary may read from outside the group and is listed, not counted.
  const readInGroup = readers.memberCount - readers.unread.length
  return (
    <>
      <View className="reader-lists__summary">
        <Text className="reader-lists__figure">
          组员已读 {readInGroup} / 共 {readers.memberCount} 人
        </Text>
        <Text className="reader-lists__unread-count">未读 {readers.unread.length} 人</Text>
      </View>
      <Card title="已读" extra={`${readers.read.length} 人`}>
        {readers.read.length === 0 ? (
          <Text className="reader-lists__none">还没有人阅读</Text>
        ) : (
          readers.read.map((r) => (
            <View key={r.person.id} className="reader-lists__row">
              <Text className="reader-lists__name">{r.person.name}</Text>
              <Text className="reader-lists__time">{timeText(r.at)} 已读</Text>
            </View>
          ))
        )}
      </Card>
      <Card title="未读" extra={`${readers.unread.length} 人`}>
        {readers.unread.length === 0 ? (
          <Text className="reader-lists__none">本组成员都已阅读</Text>
        ) : (
          <View className="reader-lists__names">
            {readers.unread.map((p) => (
              <Text key={p.id} className="reader-lists__chip">
                {p.name}
              </Text>
            ))}
          </View>
        )}
      </Card>
    </>
  )
}
