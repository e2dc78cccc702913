import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { useCheckinHistory } from '@/features/checkin/hooks/use-checkin-history'
import { useMyStats } from '@/features/checkin/hooks/use-my-stats'
import { StudyFiguresCard } from '@/features/lectures/components/StudyFiguresCard'
import { SettingsEntry } from '@/features/messages/components/SettingsEntry'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { OrgAdminEntries } from '@/features/org/components/OrgAdminEntries'
import { ProfileCard } from '@/features/org/components/ProfileCard'
import { useMe } from '@/features/org/hooks/use-me'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { routes } from '@/routes'
import { goToDevSignIn } from '@/services/dev-sign-in'
import { CheckinFigures } from './components/CheckinFigures'
import { CheckinHistoryList } from './components/CheckinHistoryList'
import './index.css'

export default function MinePage() {
  const me = useMe()
  const stats = useMyStats()
  const history = useCheckinHistory()
  const goCheckIn = () => void Taro.switchTab({ url: routes.checkin })

  usePullDownRefresh(() => {
    void Promise.all([me.reload(), stats.reload(), history.refresh()]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })
  useReachBottom(() => {
    void history.loadMore()
  })
  // Back from 打卡 (or a photo): new check-ins on top, figures up to date, the pages read kept.
  useReloadOnReturn(() => Promise.all([stats.reload(), history.catchUp()]))

  if (me.error?.code === 'NOT_REGISTERED') {
    return (
      <View className="mine-page">
        <NotRegistered onRetry={() => void me.reload()} />
      </View>
    )
  }

  return (
    <View className="mine-page">
      {me.data ? (
        <ProfileCard me={me.data} />
      ) : me.error ? (
        <ErrorState message={me.error.message} onRetry={() => void me.reload()} />
      ) : (
        <LoadingState />
      )}

      {/* H5 runs only against localcloud, where identities are picked by hand; WeChat has real ones. */}
      {process.env.TARO_ENV === 'h5' ? (
        <View className="mine-page__switch" onClick={goToDevSignIn}>
          <Text className="mine-page__switch-text">切换身份</Text>
          <Text className="mine-page__switch-arrow">›</Text>
        </View>
      ) : null}

      {stats.data ? (
        <CheckinFigures stats={stats.data} onCheckIn={goCheckIn} />
      ) : (
        <Card title="打卡统计">
          {stats.error ? (
            <ErrorState
              title="打卡统计加载失败"
              message={stats.error.message}
              onRetry={() => void stats.reload()}
            />
          ) : (
            <LoadingState text="正在加载打卡统计…" />
          )}
        </Card>
      )}

      <StudyFiguresCard />

      <SettingsEntry onClick={() => void Taro.navigateTo({ url: routes.reminderSettings })} />

      {me.data ? (
        <OrgAdminEntries
          me={me.data}
          onMembers={() => void Taro.navigateTo({ url: routes.branchMembers })}
          onImport={() => void Taro.navigateTo({ url: routes.rosterImport })}
          onOrgAdmin={() => void Taro.navigateTo({ url: routes.orgAdmin })}
        />
      ) : null}

      <View
        className="mine-page__privacy"
        ariaRole="link"
        ariaLabel="隐私保护指引"
        onClick={() => void Taro.navigateTo({ url: routes.privacy })}
      >
        <Text className="mine-page__privacy-text">隐私保护指引</Text>
        <Text className="mine-page__privacy-arrow">›</Text>
      </View>

      <View className="mine-page__history">
        <CheckinHistoryList history={history} onCheckIn={goCheckIn} onWithdrawn={() => void stats.reload()} />
      </View>
    </View>
  )
}
