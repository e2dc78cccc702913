import { useState } from 'react'
import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import type { CheckinView } from '@contract/api'
import { PhotoGrid } from '@/components/PhotoGrid'
import { timeText } from '@domain/time'
import '@/components/list-card'
import './checkin-card.css'

export interface CheckinCardProps {
  checkin: CheckinView
  /** Who recorded it; left out in a person's own history. */
  showPerson?: boolean
  /** Which project and task it was on; left out where the task is already on screen. */
  showProject?: boolean
  /** Under the card: my corrections (修改 / 撤回) in my own history. */
  footer?: ReactNode
  /** Its correction is open: the photos show once, in the footer's picker, not also above it. */
  editing?: boolean
}

/** One check-in (写实): when, what was done, its photos, and where when shared. */
export function CheckinCard({
  checkin,
  showPerson = true,
  showProject = true,
  footer,
  editing = false,
}: CheckinCardProps) {
  const [showVersions, setShowVersions] = useState(false)
  return (
    <View className={`checkin-card list-card__entry${checkin.withdrawn ? ' checkin-card--withdrawn' : ''}`}>
      <View className="checkin-card__head list-card__entry-head">
        {showPerson ? <Text className="checkin-card__who list-card__who">{checkin.person.name}</Text> : null}
        <Text className="checkin-card__time list-card__time">{timeText(checkin.at)}</Text>
      </View>
      {checkin.withdrawn ? (
        <Text className="checkin-card__withdrawn">
          已撤回{checkin.withdrawnAt ? `（${timeText(checkin.withdrawnAt)}）` : ''}，不计入统计
        </Text>
      ) : null}
      {showProject ? (
        <Text className="checkin-card__where">
          {checkin.project.title} · {checkin.task.title}
        </Text>
      ) : null}
      {checkin.milestone ? (
        <Text className="checkin-card__milestone list-card__tag">里程碑：{checkin.milestone.title}</Text>
      ) : null}
      <Text className="checkin-card__text list-card__text">{checkin.text}</Text>
      {checkin.photos.length > 0 && !editing ? (
        <View className="checkin-card__photos">
          <PhotoGrid files={checkin.photos} />
        </View>
      ) : null}
      {checkin.place ? <Text className="checkin-card__place">地点：{checkin.place.name}</Text> : null}
      {checkin.editedAt ? (
        <View className="checkin-card__edited">
          <Text className="checkin-card__edited-text">已修改（{timeText(checkin.editedAt)}）</Text>
          {checkin.versions.length > 0 ? (
            <View ariaRole="button" onClick={() => setShowVersions(!showVersions)}>
              <Text className="checkin-card__versions-toggle">
                {showVersions ? '收起修改记录' : `查看修改记录（${checkin.versions.length}）`}
              </Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {showVersions
        ? checkin.versions.map((v, k) => (
            <View key={v.until} className="checkin-card__version list-card__quote">
              <Text className="checkin-card__version-head">
                第 {k + 1} 版 · 至 {timeText(v.until)}
              </Text>
              <Text className="checkin-card__version-text list-card__text">{v.text}</Text>
              {v.photos.length > 0 ? (
                <Text className="checkin-card__version-meta">照片 {v.photos.length} 张</Text>
              ) : null}
            </View>
          ))
        : null}
      {footer}
    </View>
  )
}
