import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { MeView } from '@contract/api'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { StudyFigures } from '@/features/lectures/components/StudyFigures'
import { useLectureStats, useStudyStats } from '@/features/lectures/hooks/use-study-stats'
import { canPublishLectures, isCommitteeMember, secretaryBranchIds } from '@/features/lectures/lecture-roles'
import { hoursText, rateText } from '@/features/lectures/figure-words'
import { FigureBar } from './FigureBar'
import { StatsRow } from './StatsRow'
import './stats-content.css'

export interface StatsContentProps {
  me: MeView
}

const bySeconds = <T extends { studySeconds: number }>(a: T, b: T) => b.studySeconds - a.studySeconds
const share = (value: number, max: number) => (max > 0 ? value / max : 0)

/**
 * 学习统计: my own figures; for secretaries and the committee each branch's 学习时长 and 培训人次 (the committee
 * taps a branch to see its members, a secretary sees their own), and 培训人次 and completion of their lectures.
 */
export function StatsContent({ me }: StatsContentProps) {
  const editor = canPublishLectures(me)
  const committee = isCommitteeMember(me)
  const own = secretaryBranchIds(me)
  const [picked, setPicked] = useState<string>()
  const branchId = editor ? (picked ?? (committee ? undefined : own[0])) : undefined
  const stats = useStudyStats(branchId)
  const lectures = useLectureStats(editor)

  usePullDownRefresh(() => {
    void Promise.all([stats.reload(), lectures.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  const data = stats.data
  if (!data) {
    return stats.error ? (
      <ErrorState
        title="学习统计加载失败"
        message={stats.error.message}
        onRetry={() => void stats.reload()}
      />
    ) : (
      <LoadingState text="正在统计学习情况…" />
    )
  }

  const branches = [...data.branches].sort(bySeconds)
  const maxBranch = Math.max(0, ...branches.map((b) => b.studySeconds))
  const members = [...data.members].sort(bySeconds)
  const maxMember = Math.max(0, ...members.map((m) => m.studySeconds))
  const branchName = data.branches.find((b) => b.branchId === branchId)?.branchName ?? '本支部'

  return (
    <View className="stats-content">
      <Card title="我的学习">
        <StudyFigures figures={data.me} />
      </Card>

      {!editor ? (
        <EmptyState title="支部和全公司的学习统计" description="由支部书记和党委查看" />
      ) : (
        <>
          <Card title={committee ? '各支部学习情况' : '本支部学习情况'} extra={`${branches.length} 个支部`}>
            {branches.length === 0 ? (
              <Text className="stats-content__empty">暂无支部数据</Text>
            ) : (
              branches.map((b) => (
                <StatsRow
                  key={b.branchId}
                  title={b.branchName}
                  detail={`学习时长 ${hoursText(b.studyHours)} 小时 · 培训人次 ${b.personTimes} · 学完 ${b.completed} · 党员 ${b.members} 人`}
                  onClick={committee ? () => setPicked(b.branchId) : undefined}
                  actionText={committee ? (b.branchId === branchId ? '正在查看' : '查看党员') : undefined}
                  selected={committee && b.branchId === branchId}
                >
                  <FigureBar
                    fraction={share(b.studySeconds, maxBranch)}
                    text={`${hoursText(b.studyHours)} 小时`}
                  />
                </StatsRow>
              ))
            )}
          </Card>

          {branchId ? (
            <Card title={`${branchName}党员学习情况`} extra={`${members.length} 人`}>
              {stats.loading ? <Text className="stats-content__empty">正在更新…</Text> : null}
              {members.length === 0 ? (
                <Text className="stats-content__empty">这个支部还没有党员</Text>
              ) : (
                members.map((m) => (
                  <StatsRow
                    key={m.person.id}
                    title={m.person.name}
                    detail={`学习时长 ${hoursText(m.studyHours)} 小时 · 学完 ${m.completed} 个 · 培训人次 ${m.personTimes}`}
                  >
                    <FigureBar
                      fraction={share(m.studySeconds, maxMember)}
                      text={`${hoursText(m.studyHours)} 小时`}
                    />
                  </StatsRow>
                ))
              )}
            </Card>
          ) : committee ? (
            <Text className="stats-content__tip">点选上方的支部，查看该支部每名党员的学习情况</Text>
          ) : null}

          <Card title="讲坛学习情况">
            {lectures.data ? (
              lectures.data.length === 0 ? (
                <Text className="stats-content__empty">还没有已发布的讲坛</Text>
              ) : (
                lectures.data.map((l) => (
                  <StatsRow
                    key={l.lectureId}
                    title={l.title || '未命名讲坛'}
                    detail={`培训人次 ${l.personTimes} · 学完 ${l.completed} 人 · 应学 ${l.audience} 人 · 学习时长 ${hoursText(l.studyHours)} 小时`}
                  >
                    <FigureBar
                      fraction={l.completionRate ?? 0}
                      text={`完成率 ${rateText(l.completionRate)}`}
                    />
                  </StatsRow>
                ))
              )
            ) : lectures.error ? (
              <ErrorState
                title="讲坛统计加载失败"
                message={lectures.error.message}
                onRetry={() => void lectures.reload()}
              />
            ) : (
              <LoadingState text="正在统计各讲坛…" />
            )}
          </Card>
        </>
      )}
    </View>
  )
}
