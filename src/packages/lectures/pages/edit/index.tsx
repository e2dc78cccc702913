import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { canPublishLectures } from '@/features/lectures/lecture-roles'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useMe } from '@/features/org/hooks/use-me'
import { LectureEditor } from './components/LectureEditor'

export default function EditLecturePage() {
  const { params } = useRouter()
  const me = useMe()

  if (!me.data) {
    if (me.error?.code === 'NOT_REGISTERED') return <NotRegistered onRetry={() => void me.reload()} />
    return me.error ? (
      <ErrorState message={me.error.message} onRetry={() => void me.reload()} />
    ) : (
      <LoadingState />
    )
  }
  if (!canPublishLectures(me.data)) {
    return (
      <View>
        <EmptyState title="只有支部书记和党委可以发布微讲坛" description="想分享学习体会，可以联系支部书记" />
      </View>
    )
  }
  return <LectureEditor id={params.id} me={me.data} />
}
