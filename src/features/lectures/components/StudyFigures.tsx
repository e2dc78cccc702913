import { Text, View } from '@tarojs/components'
import type { StudyFigures as Figures } from '@contract/api'
import { hoursText } from '../figure-words'
import './study-figures.css'

export interface StudyFiguresProps {
  figures: Figures
}

/** 学习时长, 学完 and 培训人次 side by side, each number with its unit and word. */
export function StudyFigures({ figures }: StudyFiguresProps) {
  const cells = [
    { label: '学习时长', value: hoursText(figures.studyHours), unit: '小时' },
    { label: '学完讲坛', value: String(figures.completed), unit: '个' },
    { label: '培训人次', value: String(figures.personTimes), unit: '次' },
  ]
  return (
    <View className="study-figures">
      {cells.map((c) => (
        <View key={c.label} className="study-figures__cell" ariaLabel={`${c.label} ${c.value} ${c.unit}`}>
          <View className="study-figures__number">
            <Text className="study-figures__value">{c.value}</Text>
            <Text className="study-figures__unit">{c.unit}</Text>
          </View>
          <Text className="study-figures__label">{c.label}</Text>
        </View>
      ))}
    </View>
  )
}
