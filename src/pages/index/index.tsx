import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { MeView, MyRectifications } from '@contract/api'
import { isCommittee, isLeader, isSecretary } from '@domain/roles'
import { EmptyState } from '@/components/EmptyState'
import { EntryTiles, type EntryTile } from '@/components/EntryTiles'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { useMessagesBadge } from '@/features/messages/hooks/use-messages-badge'
import { MeSummary } from '@/features/org/components/MeSummary'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useBranches } from '@/features/org/hooks/use-branches'
import { useMe } from '@/features/org/hooks/use-me'
import type { ProjectsQuery } from '@/features/projects/api/fetch-projects'
import { ProjectCardList } from '@/features/projects/components/ProjectCardList'
import { NewProjectEntry } from '@/features/projects/components/NewProjectEntry'
import { ProjectFilters } from '@/features/projects/components/ProjectFilters'
import { isFiltered } from '@/features/projects/project-filters'
import { useApprovalBadge } from '@/features/projects/hooks/use-approval-badge'
import { useProjects } from '@/features/projects/hooks/use-projects'
import { approverOf } from '@/features/projects/tab-badge'
import { SearchEntry } from '@/features/search/components/SearchEntry'
import { useMyRectifications } from '@/features/supervision/hooks/use-my-rectifications'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { routes } from '@/routes'
import '@/components/section-head'
import './index.css'

/** What secretaries and the committee open besides the projects: the dashboard, and the committee's work. */
function leaderTiles(me: MeView | undefined, fixes: MyRectifications | undefined): EntryTile[] {
  const go = (url: string) => () => void Taro.navigateTo({ url })
  const tiles: EntryTile[] = []
  if (me && isLeader(me))
    tiles.push({
      key: 'dashboard',
      title: '看板',
      hint: '进度 · 打卡 · 打擂',
      mark: '看',
      onClick: go(routes.dashboard),
    })
  // A secretary's 整改任务 after a spot check (a supervisor follows theirs up from 督导抽查).
  if (me && isSecretary(me) && fixes && fixes.items.length > 0)
    tiles.push({
      key: 'rectifications',
      title: '整改任务',
      hint:
        fixes.open > 0
          ? `待整改 ${fixes.open} 项${fixes.overdue > 0 ? ` · 逾期 ${fixes.overdue}` : ''}`
          : '均已整改',
      mark: '改',
      onClick: go(routes.rectifications),
    })
  if (me && isCommittee(me)) {
    tiles.push({
      key: 'supervision',
      title: '督导抽查',
      hint: '分片督导 · 随机抽查',
      mark: '督',
      onClick: go(routes.supervision),
    })
    tiles.push({
      key: 'evaluation',
      title: '年度评价',
      hint: '十佳 · 电网先锋',
      mark: '评',
      onClick: go(routes.evaluation),
    })
  }
  return tiles
}

export default function IndexPage() {
  const me = useMe()
  const [query, setQuery] = useState<ProjectsQuery>({})
  const projects = useProjects(query)
  const committee = !!me.data && isCommittee(me.data)
  const badge = useApprovalBadge(approverOf(me.data))
  const branches = useBranches(committee)
  const fixes = useMyRectifications(!!me.data && isSecretary(me.data))
  useMessagesBadge()

  const reloadAll = async () => {
    await Promise.all([me.reload(), projects.refresh(), badge.refresh(), fixes.reload()])
  }

  // Back from a project or a new draft: show what changed.
  useReloadOnReturn(() => Promise.all([projects.refresh(), badge.refresh(), fixes.reload()]))

  usePullDownRefresh(() => {
    void reloadAll().finally(() => Taro.stopPullDownRefresh())
  })

  useReachBottom(() => {
    void projects.loadMore()
  })

  if (me.error?.code === 'NOT_REGISTERED' || projects.error?.code === 'NOT_REGISTERED') {
    return (
      <View className="index-page">
        <NotRegistered onRetry={() => void reloadAll()} />
      </View>
    )
  }

  return (
    <View className="index-page">
      {me.data ? (
        <MeSummary me={me.data} />
      ) : me.error ? (
        <ErrorState title="个人信息加载失败" message={me.error.message} onRetry={() => void me.reload()} />
      ) : (
        <LoadingState text="正在获取你的信息…" />
      )}

      <View className="index-page__sheet">
        {me.data ? <SearchEntry onClick={() => void Taro.navigateTo({ url: routes.search })} /> : null}
        <EntryTiles
          tiles={[
            {
              key: 'groups',
              title: '党小组',
              hint: '通知 · 动态 · 成员',
              mark: '组',
              onClick: () => void Taro.navigateTo({ url: routes.groups }),
            },
            {
              key: 'lectures',
              title: '微讲坛',
              hint: '指尖课堂 · 学习',
              mark: '学',
              onClick: () => void Taro.navigateTo({ url: routes.lectures }),
            },
            {
              key: 'survey',
              title: '大调研',
              hint: '提问题 · +1',
              mark: '研',
              onClick: () => void Taro.navigateTo({ url: routes.survey }),
            },
            {
              key: 'showcase',
              title: '十佳风采',
              hint: '经验交流 · 借鉴',
              mark: '佳',
              onClick: () => void Taro.navigateTo({ url: routes.showcase }),
            },
            {
              key: 'guide',
              title: '选题指南',
              hint: '重点问题 · 申报时间',
              mark: '选',
              onClick: () => void Taro.navigateTo({ url: routes.guide }),
            },
            ...leaderTiles(me.data, fixes.data ?? undefined),
          ]}
        />
        <View className="index-page__section section-head">
          <Text className="index-page__section-title section-head__title">党建项目</Text>
          {projects.items.length > 0 ? (
            <Text className="index-page__section-count section-head__count">共 {projects.total} 个</Text>
          ) : null}
        </View>
      </View>

      {me.data && isSecretary(me.data) ? (
        <NewProjectEntry onClick={() => void Taro.navigateTo({ url: routes.proposal() })} />
      ) : null}

      <ProjectFilters
        query={query}
        onChange={setQuery}
        thisYear={new Date().getFullYear()}
        branches={branches}
      />

      {projects.loading && projects.items.length === 0 ? (
        <LoadingState text="正在加载项目…" />
      ) : projects.error ? (
        <ErrorState
          title="项目加载失败"
          message={projects.error.message}
          onRetry={() => void projects.refresh()}
        />
      ) : projects.items.length === 0 && isFiltered(query) ? (
        <EmptyState title="没有符合条件的项目" description="换个筛选条件试试，或点选“全部”清除筛选" />
      ) : projects.items.length === 0 ? (
        <EmptyState title="暂无项目" description="支部立项后，项目会显示在这里" />
      ) : (
        <View className="index-page__list">
          <ProjectCardList list={projects} />
        </View>
      )}
    </View>
  )
}
