import { View, Text } from '@tarojs/components'
import type { CheckinView } from '@contract/api'
import { PhotoGrid } from '@/components/PhotoGrid'
import { timeText } from '@domain/time'
import './checkin-card.css'

export interface CheckinCardProps {
  checkin: CheckinView
  /** Who recorded it; left out in a person's own history. */
  showPerson?: boolean
  /** Which project and task it was on; left out where the task is already on screen. */
  showProject?: boolean
}

/** One check-in (写实): when, what was done, its photos, and where when shared. */
export function CheckinCard({ checkin, showPerson = true, showProject = true }: CheckinCardProps) {
  return (
    <View className="checkin-card">
      <View className="checkin-card__head">
        {showPerson ? <Text className="checkin-card__who">{checkin.person.name}</Text> : null}
        <Text className="checkin-card__time">{timeText(checkin.at)}</Text>
      </View>
      {showProject ? (
        <Text className="checkin-card__where">
          {checkin.project.title} · {checkin.task.title}
        </Text>
      ) : null}
      {checkin.milestone ? (
        <Text className="checkin-card__milestone">里程碑：{checkin.milestone.title}</Text>
      ) : null}
      <Text className="checkin-card__text">{checkin.text}</Text>
      {checkin.photos.length > 0 ? (
        <View className="checkin-card__photos">
          <PhotoGrid files={checkin.photos} />
        </View>
      ) : null}
      {checkin.place ? <Text className="checkin-card__place">地点：{checkin.place.name}</Text> : null}
    </View>
  )
}
