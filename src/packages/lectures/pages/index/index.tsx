import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import type { LectureListItem } from '@contract/api'
import { LECTURE_TABS, type LectureTab } from '@contract/entities-community'
import { LECTURE_TAB_LABELS } from '@domain/labels'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { SegmentTabs } from '@/components/SegmentTabs'
import { EntryRow } from '@/components/EntryRow'
import { LectureCard } from '@/features/lectures/components/LectureCard'
import { ListFooter } from '@/components/ListFooter'
import { useLectures } from '@/features/lectures/hooks/use-lectures'
import { canPublishLectures } from '@/features/lectures/lecture-roles'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useMe } from '@/features/org/hooks/use-me'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { routes } from '@/routes'
import './index.css'

const EMPTY: Record<LectureTab, { title: string; description: string }> = {
  new: { title: '暂无微讲坛', description: '党委和支部发布讲坛后，会显示在这里' },
  required: { title: '暂无必学讲坛', description: '设为必学的讲坛会显示在这里，并标明完成期限' },
  finished: {
    title: '还没有学完的讲坛',
    description: '读完或听完、学满规定时长（有测验的还需及格）即为学完',
  },
  manage: { title: '还没有发布过讲坛', description: '点击上方“新建微讲坛”，为支部党员讲一课' },
}

const isTab = (value: string | undefined): value is LectureTab =>
  (LECTURE_TABS as readonly string[]).includes(value ?? '')

export default function LecturesPage() {
  const { params } = useRouter()
  const me = useMe()
  const editor = canPublishLectures(me.data)
  const [chosen, setTab] = useState<LectureTab>(isTab(params.tab) ? params.tab : 'new')
  // 我发布的 is for editors only; anyone else opened on it sees 最新.
  const tab: LectureTab = chosen === 'manage' && me.data && !editor ? 'new' : chosen
  const lectures = useLectures(tab)
  const opened = useRef<string | null>(null)

  usePullDownRefresh(() => {
    void Promise.all([me.reload(), lectures.refresh()]).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void lectures.loadMore()
  })
  // Back from a lecture: only its progress changed. Back from the editor: the list itself may have.
  useReloadOnReturn(() => {
    const id = opened.current
    opened.current = null
    return id ? lectures.updateOne(id) : lectures.refresh()
  })

  const open = (l: LectureListItem) => {
    const editing = tab === 'manage' && l.status === 'draft'
    opened.current = editing ? null : l.id
    void Taro.navigateTo({ url: editing ? routes.editLecture(l.id) : routes.lecture(l.id) })
  }
  const create = () => {
    opened.current = null
    void Taro.navigateTo({ url: routes.editLecture() })
  }

  if (me.error?.code === 'NOT_REGISTERED' || lectures.error?.code === 'NOT_REGISTERED') {
    return (
      <View className="lectures-page">
        <NotRegistered onRetry={() => void Promise.all([me.reload(), lectures.refresh()])} />
      </View>
    )
  }

  const tabs = LECTURE_TABS.filter((t) => t !== 'manage' || editor).map((key) => ({
    key,
    label: LECTURE_TAB_LABELS[key],
  }))

  return (
    <View className="lectures-page">
      <SegmentTabs tabs={tabs} value={tab} onChange={setTab} />
      {tab === 'manage' ? (
        <View className="lectures-page__entries">
          <EntryRow mark="+" title="新建微讲坛" hint="文字、图片、音视频，可附随堂测验" onClick={create} />
          <EntryRow
            mark="统"
            title="学习统计"
            hint="培训人次、学习时长、完成率"
            onClick={() => void Taro.navigateTo({ url: routes.studyStats })}
          />
        </View>
      ) : null}
      {lectures.loading && lectures.items.length === 0 ? (
        <LoadingState text="正在加载微讲坛…" />
      ) : lectures.error ? (
        <ErrorState
          title="微讲坛加载失败"
          message={lectures.error.message}
          onRetry={() => void lectures.refresh()}
        />
      ) : lectures.items.length === 0 ? (
        <EmptyState title={EMPTY[tab].title} description={EMPTY[tab].description} />
      ) : (
        <View className="lectures-page__list">
          {lectures.items.map((l) => (
            <LectureCard key={l.id} lecture={l} manage={tab === 'manage'} onClick={open} />
          ))}
          <ListFooter list={lectures} />
        </View>
      )}
    </View>
  )
}
