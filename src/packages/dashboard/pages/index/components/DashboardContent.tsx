import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { DashboardView } from '@contract/api'
import { PROJECT_CATEGORIES } from '@contract/entities'
import type { ProjectCategory } from '@contract/entities'
import { STATUS_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import type { DashboardFilters } from '@/features/dashboard/api/dashboard'
import { BarList } from '@/features/dashboard/components/BarList'
import { ColumnChart } from '@/features/dashboard/components/ColumnChart'
import { FigureTile } from '@/features/dashboard/components/FigureTile'
import { FilterChips } from '@/features/dashboard/components/FilterChips'
import { LeagueRowCard } from '@/features/dashboard/components/LeagueRowCard'
import { OverdueCard } from '@/features/dashboard/components/OverdueCard'
import { ParticipationList } from '@/features/dashboard/components/ParticipationList'
import { StackedBar } from '@/features/dashboard/components/StackedBar'
import { filtersToParams } from '@/features/dashboard/filters'
import { asOfText, freshnessText, monthLabel, rateText, weekLabel } from '@/features/dashboard/words'
import { routes } from '@/routes'
import './dashboard-content.css'

export interface DashboardContentProps {
  view: DashboardView
  filters: DashboardFilters
  onFilters: (filters: DashboardFilters) => void
  /** A newer answer is on its way (a filter changed): the figures shown are the previous ones. */
  loading: boolean
  /** 立即刷新: roll the figures up now. */
  onRefresh?: () => void
}

const go = (url: string) => void Taro.navigateTo({ url })

/** How the score is made, in one sentence under the league (domain/dashboard.ts LEAGUE_WEIGHTS). */
const SCORE_RULE =
  '得分 = 完成率×30% + 按期完成率×25% + 打卡活跃×20% + 学习时长×15% + 满意度×10%。各项折算为 0–100：人均每周打卡 1 次、人均学习 10 小时、满意度 5 分记满分；暂无数据的项记 0 分。'

/** Every figure of one dashboard, each tappable to the list behind it. */
export function DashboardContent({ view, filters, onFilters, loading, onRefresh }: DashboardContentProps) {
  const branchId = view.scope.kind === 'branch' ? view.scope.branchId : undefined
  const base = { ...filtersToParams({ year: view.year, category: view.category ?? undefined }), branchId }
  const projectsOf = (over: Record<string, string | undefined>) =>
    go(routes.dashboardList({ kind: 'projects', ...base, ...over }))
  const overdueList = () => go(routes.dashboardList({ kind: 'overdue', ...base }))
  const title = view.scope.kind === 'company' ? '全公司' : view.scope.branchName
  const checkins = view.weeks.reduce((s, w) => s + w.count, 0)
  const lastWeek = view.weeks[view.weeks.length - 1]?.count ?? 0
  const month = monthLabel(view.active.month)
  const own = view.scope.kind === 'branch' ? view.league.rows[0] : undefined

  return (
    <View className="dashboard">
      <View className="dashboard__head">
        <Text className="dashboard__title">
          {title} · {view.year}年度{view.category ? ` · ${view.categoryLabels[view.category]}` : ''}
        </Text>
        <Text className="dashboard__as-of">{loading ? '正在更新…' : asOfText(view.asOf)}</Text>
        {!loading && freshnessText(view.freshness) ? (
          <Text className="dashboard__as-of">{freshnessText(view.freshness)}</Text>
        ) : null}
        {onRefresh && !loading ? (
          <Text className="dashboard__refresh" onClick={onRefresh}>
            立即刷新
          </Text>
        ) : null}
      </View>

      <FilterChips
        name="年度"
        options={view.years.map((y) => ({ value: y, label: `${y}年度` }))}
        value={view.year}
        onChange={(year) => onFilters({ ...filters, year })}
      />
      <FilterChips<ProjectCategory | undefined>
        name="类别"
        options={[
          { value: undefined, label: '全部类别' },
          ...PROJECT_CATEGORIES.map((c) => ({ value: c, label: view.categoryLabels[c] })),
        ]}
        value={view.category ?? undefined}
        onChange={(category) => onFilters({ ...filters, category })}
      />

      {view.projects.total === 0 ? (
        <EmptyState title="该年度暂无项目" description="换个年度或类别试试；立项后，这里会显示进度和打卡" />
      ) : null}

      <View className="dashboard__tiles">
        <FigureTile
          label="项目总数"
          value={String(view.projects.total)}
          unit="个"
          hint={`实施中 ${view.projects.byStatus.find((s) => s.status === 'in_progress')?.count ?? 0} 个`}
          onClick={() => projectsOf({})}
        />
        <FigureTile
          label="已逾期里程碑"
          value={String(view.overdue.count)}
          unit="个"
          hint={view.overdue.count > 0 ? '过了时限仍未完成' : '没有逾期'}
          onClick={view.overdue.count > 0 ? overdueList : undefined}
        />
        <FigureTile
          label="完成率"
          value={rateText(view.completion.rate)}
          hint={`已完成权重 ${view.completion.doneWeight} / ${view.completion.totalWeight}`}
        />
        <FigureTile
          label="按期完成率"
          value={rateText(view.onTime.rate)}
          hint={`按期 ${view.onTime.onTime} / 应完成 ${view.onTime.considered} 个`}
        />
        <FigureTile
          label={`${month}活跃党员`}
          value={String(view.active.activeMembers)}
          unit="人"
          hint={`共 ${view.active.members} 名党员，本月至少打卡 1 次`}
        />
        <FigureTile
          label="学习时长"
          value={String(view.study.hours)}
          unit="小时"
          hint={view.study.perMember === null ? '微讲坛累计' : `人均 ${view.study.perMember} 小时（累计）`}
        />
        <FigureTile
          label="群众满意度"
          value={view.satisfaction.average === null ? '暂无' : view.satisfaction.average.toFixed(2)}
          unit={view.satisfaction.average === null ? '' : '分'}
          hint={`${view.satisfaction.ratings} 人次评价，满分 5 分`}
        />
      </View>

      <Card title="项目状态" extra={`共 ${view.projects.total} 个`}>
        <StackedBar
          parts={view.projects.byStatus.map((s) => ({
            key: s.status,
            label: STATUS_LABELS[s.status],
            value: s.count,
          }))}
          unit="个"
          onSelect={(status) => projectsOf({ status })}
        />
      </Card>

      <Card title="项目类别">
        <BarList
          items={view.projects.byCategory.map((c) => ({
            key: c.category,
            label: view.categoryLabels[c.category],
            value: c.count,
          }))}
          unit="个"
          onSelect={(category) => projectsOf({ category })}
        />
      </Card>

      <Card title="每周打卡" extra="近 12 周">
        <ColumnChart
          points={view.weeks.map((w) => ({ label: weekLabel(w.week), value: w.count }))}
          unit="次打卡"
          summary={`近 12 周共打卡 ${checkins} 次，最近一周 ${lastWeek} 次`}
        />
      </Card>

      <Card title="逾期里程碑" extra={view.overdue.count > 0 ? `共 ${view.overdue.count} 个` : undefined}>
        {view.overdue.top.length === 0 ? (
          <Text className="dashboard__quiet">没有逾期的里程碑</Text>
        ) : (
          <View>
            {view.overdue.top.map((m) => (
              <OverdueCard key={m.milestoneId} item={m} onClick={() => go(routes.project(m.projectId))} />
            ))}
            {view.overdue.count > view.overdue.top.length ? (
              <View className="dashboard__more" onClick={overdueList} ariaRole="button">
                <Text className="dashboard__more-text">查看全部 {view.overdue.count} 个逾期里程碑 ›</Text>
              </View>
            ) : null}
          </View>
        )}
      </Card>

      {view.scope.kind === 'company' ? (
        <Card title="层层打擂" extra={`${view.league.total} 个支部`}>
          {view.league.rows.map((row) => (
            <LeagueRowCard
              key={row.branchId}
              row={row}
              onClick={() => go(routes.branchDashboard(row.branchId))}
            />
          ))}
          {view.league.total > view.league.rows.length ? (
            <View
              className="dashboard__more"
              onClick={() => go(routes.dashboardList({ kind: 'league', ...base }))}
              ariaRole="button"
            >
              <Text className="dashboard__more-text">查看全部 {view.league.total} 个支部排名 ›</Text>
            </View>
          ) : null}
          <Text className="dashboard__rule">{SCORE_RULE}</Text>
        </Card>
      ) : (
        <Card title="层层打擂">
          {own ? (
            <LeagueRowCard row={own} of={view.league.total} detailed />
          ) : (
            <Text className="dashboard__quiet">本支部在该类别下没有项目，未参加排名</Text>
          )}
          <Text className="dashboard__rule">{SCORE_RULE}</Text>
        </Card>
      )}

      {view.scope.kind === 'branch' ? (
        <Card title="党员参与" extra={`${view.participation.length} 人`}>
          {view.participation.length === 0 ? (
            <Text className="dashboard__quiet">
              {view.projects.total === 0 ? '本支部在该年度、类别下没有项目' : '本支部还没有党员'}
            </Text>
          ) : (
            <ParticipationList rows={view.participation} month={month} />
          )}
        </Card>
      ) : null}
    </View>
  )
}
