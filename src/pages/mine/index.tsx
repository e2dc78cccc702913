import { View, Text } from '@tarojs/components'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { ProfileCard } from '@/features/org/components/ProfileCard'
import { useMe } from '@/features/org/hooks/use-me'
import { goToDevSignIn } from '@/services/dev-sign-in'
import './index.css'

export default function MinePage() {
  const me = useMe()

  return (
    <View className="mine-page">
      {me.data ? (
        <ProfileCard me={me.data} />
      ) : me.error?.code === 'NOT_REGISTERED' ? (
        <NotRegistered onRetry={() => void me.reload()} />
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
    </View>
  )
}
