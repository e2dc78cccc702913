import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Card } from '@/components/Card'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { routes } from '@/routes'
import { useMyStudyFigures } from '../hooks/use-my-study-figures'
import { StudyFigures } from './StudyFigures'
import './study-figures-card.css'

/**
 * 我的 → 学习: my 学习时长, lectures finished and 培训人次, and the way to 党员微讲坛. It loads and refreshes
 * itself (pull-down, coming back from a lecture), so the page that shows it needs only to place it.
 */
export function StudyFiguresCard() {
  const figures = useMyStudyFigures()
  usePullDownRefresh(() => {
    void figures.reload()
  })
  useReloadOnReturn(() => figures.reload())
  const go = () => void Taro.navigateTo({ url: routes.lectures })

  return (
    <Card title="学习">
      {figures.data ? (
        <StudyFigures figures={figures.data} />
      ) : figures.error ? (
        <View
          className="study-card__row"
          ariaRole="button"
          ariaLabel="学习情况加载失败，点此重试"
          onClick={() => void figures.reload()}
        >
          <Text className="study-card__error">学习情况加载失败，点此重试</Text>
        </View>
      ) : (
        <View className="study-card__row">
          <Text className="study-card__muted">正在加载学习情况…</Text>
        </View>
      )}
      <View className="study-card__go" ariaRole="button" ariaLabel="去党员微讲坛学习" onClick={go}>
        <Text className="study-card__go-text">去党员微讲坛学习</Text>
        <Text className="study-card__go-arrow">›</Text>
      </View>
    </Card>
  )
}
