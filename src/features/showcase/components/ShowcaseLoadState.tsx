import { View } from '@tarojs/components'
import type { ShowcaseView } from '@contract/api'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import type { RequestState } from '@/hooks/use-request'

/** Before the 十佳 arrive: loading, or why they did not, with a retry. */
export function ShowcaseLoadState({ view }: { view: RequestState<ShowcaseView> }) {
  return (
    <View className="admin-page">
      {view.error ? (
        <ErrorState
          title="十佳项目加载失败"
          message={view.error.message}
          onRetry={() => void view.reload()}
        />
      ) : (
        <LoadingState text="正在加载十佳项目…" />
      )}
    </View>
  )
}
