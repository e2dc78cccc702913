import { View, Text } from '@tarojs/components'
import type { ShowcaseProjectView } from '@contract/api'
import './showcase.css'

/** The figures a 十佳 project is known by: check-ins, 培训人次, milestones, the 验收 score and satisfaction. */
export function figureList(f: ShowcaseProjectView['figures']): { label: string; value: string }[] {
  return [
    { label: '打卡写实', value: `${f.checkins} 次` },
    { label: '支部培训', value: `${f.trainees} 人次` },
    { label: '里程碑', value: `${f.milestonesDone}/${f.milestones}` },
    { label: '验收得分', value: f.score === null ? '—' : `${f.score} 分` },
    {
      label: '群众满意度',
      value: f.ratingAverage === null ? '暂无评价' : `${f.ratingAverage.toFixed(1)} 分 · ${f.ratingCount} 人`,
    },
  ]
}

export function ShowcaseFigures({ figures }: { figures: ShowcaseProjectView['figures'] }) {
  return (
    <View className="showcase-figures">
      {figureList(figures).map((f) => (
        <View key={f.label} className="showcase-figures__item">
          <Text className="showcase-figures__value">{f.value}</Text>
          <Text className="showcase-figures__label">{f.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** 借鉴自: where a draft came from, on the 立项表 and the project page. */
export function BorrowedFromNote({
  from,
}: {
  from: {
    title: string
    branchName: string
    year: number
    rank: number
    outline: { task: string; milestones: string[] }[]
  }
}) {
  return (
    <View className="borrowed-from" ariaRole="note">
      <Text className="borrowed-from__title">
        借鉴自 {from.year} 年十佳第 {from.rank} 名：{from.branchName}《{from.title}》
      </Text>
      {from.outline.length > 0 ? (
        <>
          <Text className="borrowed-from__hint">原项目的计划思路（立项通过后制定计划书时参考）：</Text>
          {from.outline.map((o) => (
            <Text key={o.task} className="borrowed-from__line">
              · {o.task}：{o.milestones.join('、') || '—'}
            </Text>
          ))}
        </>
      ) : null}
    </View>
  )
}
