import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { chinaTime } from '@domain/time'
import { chinaYear } from '@domain/dates'
import { BottomBar } from '@/components/BottomBar'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { useEvaluation } from '@/features/evaluation/hooks/use-evaluation'
import { routes } from '@/routes'
import { EligibilityCard } from './components/EligibilityCard'
import { RankingCard } from './components/RankingCard'
import '../../admin.css'

/** 年度评价: rank the year's accepted projects, confirm the 十佳, and see who loses 电网先锋 eligibility. */
export default function EvaluationPage() {
  const e = useEvaluation(chinaYear(new Date()))
  const view = e.view.data?.year === e.year ? e.view.data : undefined

  usePullDownRefresh(() => {
    void e.view.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className="admin-page">
      <Card title="年度评价" extra={`${e.year} 年度`}>
        <View className="admin-actions">
          <Button type="default" onClick={() => e.setYear(e.year - 1)}>
            上一年
          </Button>
          <Button
            type="default"
            disabled={e.year >= chinaYear(new Date())}
            onClick={() => e.setYear(e.year + 1)}
          >
            下一年
          </Button>
        </View>
      </Card>
      {!view ? (
        e.view.error ? (
          <ErrorState
            title={e.view.error.code === 'FORBIDDEN' ? '没有权限' : '评价加载失败'}
            message={e.view.error.message}
            onRetry={e.view.error.code === 'FORBIDDEN' ? undefined : () => void e.view.reload()}
          />
        ) : (
          <LoadingState text="正在计算排名…" />
        )
      ) : (
        <View>
          {view.provisional ? (
            <Notice tone="info" title={`${e.year} 年度尚未结束，以下为截至今日的情况`} />
          ) : null}
          <RankingCard view={view} onOpen={(id) => void Taro.navigateTo({ url: routes.project(id) })} />
          {view.confirmed ? (
            <Text className="admin-status">
              十佳精品项目已由{view.confirmed.markedByName}于{' '}
              {chinaTime(view.confirmed.markedAt).format('YYYY-MM-DD HH:mm')} 确认
              {e.needsConfirming ? '；排名已有变化，可重新确认' : ''}
            </Text>
          ) : null}
          <EligibilityCard view={view} />
          {e.needsConfirming ? (
            <BottomBar>
              <Button
                type="primary"
                block
                loading={e.busy}
                disabled={e.busy}
                onClick={() => void e.confirm()}
              >
                确认十佳精品项目
              </Button>
            </BottomBar>
          ) : null}
        </View>
      )}
    </View>
  )
}
