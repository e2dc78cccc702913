import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { BottomBar } from '@/components/BottomBar'
import { SegmentTabs, type SegmentTab } from '@/components/SegmentTabs'
import { GroupHeader } from '@/features/groups/components/GroupHeader'
import { useGroupFeed } from '@/features/groups/hooks/use-group-feed'
import { useMarkRead } from '@/features/groups/hooks/use-mark-read'
import { useGroupSummary } from '@/features/groups/hooks/use-my-groups'
import { usePostActions } from '@/features/groups/hooks/use-post-actions'
import { GROUP_TAB_LABELS, type GroupTab } from '@/features/groups/labels'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { routes } from '@/routes'
import { FeedPanel } from './components/FeedPanel'
import { ProjectsTab } from './components/ProjectsTab'
import { RosterTab } from './components/RosterTab'
import './index.css'

const TABS: SegmentTab<GroupTab>[] = (['feed', 'roster', 'projects'] as const).map((key) => ({
  key,
  label: GROUP_TAB_LABELS[key],
}))

export default function GroupFeedPage() {
  const { params } = useRouter()
  const groupId = params.id
  const group = useGroupSummary(groupId)
  const feed = useGroupFeed(groupId)
  const actions = usePostActions()
  const [tab, setTab] = useState<GroupTab>('feed')
  // The pinned announcements show their whole text at the top of the feed: seen is read.
  useMarkRead(feed.pinned)

  usePullDownRefresh(() => {
    // 成员 and 项目 reload themselves while they are open.
    if (tab !== 'feed') return
    void Promise.all([feed.refresh(), group.reload()]).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    if (tab === 'feed') void feed.loadMore()
  })
  // Back from writing or from a post: new posts on top, the pages read kept, my role and rights fresh.
  useReloadOnReturn(() => Promise.all([feed.catchUp(), group.reload()]))

  const go = (url: string) => void Taro.navigateTo({ url })
  const summary = group.data
  return (
    <View className="group-feed">
      {summary ? <GroupHeader group={summary} /> : null}
      <View className="group-feed__tabs">
        <SegmentTabs tabs={TABS} value={tab} onChange={setTab} />
      </View>
      {tab === 'feed' ? (
        <FeedPanel
          feed={feed}
          actions={actions}
          onOpen={(post) => go(routes.post(post.id))}
          onReaders={(post) => go(routes.readers(post.id))}
        />
      ) : null}
      {tab === 'roster' ? <RosterTab groupId={groupId} /> : null}
      {tab === 'projects' ? <ProjectsTab groupId={groupId} /> : null}
      <View className="group-feed__end" />
      {tab === 'feed' && groupId && !feed.error ? (
        <BottomBar>
          {summary?.can.announce ? (
            <Button type="default" onClick={() => go(routes.compose(groupId, 'announcement'))}>
              发通知
            </Button>
          ) : null}
          <Button type="primary" onClick={() => go(routes.compose(groupId, 'post'))}>
            发布动态
          </Button>
        </BottomBar>
      ) : null}
    </View>
  )
}
