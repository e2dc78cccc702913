import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { ReaderLists } from '@/features/groups/components/ReaderLists'
import { useReaders } from '@/features/groups/hooks/use-readers'
import './index.css'

export default function ReadersPage() {
  const { params } = useRouter()
  const readers = useReaders(params.id)

  usePullDownRefresh(() => {
    void readers.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className="readers-page">
      {readers.data ? (
        <ReaderLists readers={readers.data} />
      ) : readers.error ? (
        // The server says who may see this (支部书记 and 党小组长); its words explain a refusal.
        <ErrorState
          title="无法查看阅读情况"
          message={readers.error.message}
          onRetry={readers.error.code === 'FORBIDDEN' ? undefined : () => void readers.reload()}
        />
      ) : (
        <LoadingState text="正在加载阅读情况…" />
      )}
      <View className="readers-page__end" />
    </View>
  )
}
