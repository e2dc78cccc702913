import { View, Text } from '@tarojs/components'
import { chinaTime } from '@domain/time'
import type { ProjectDetail } from '@contract/api'
import { ANSWER_KEYS } from '@contract/entities'
import { ANSWER_LABELS } from '@domain/proposal'
import { SURVEY_FIELD_LABELS } from '@domain/survey'
import { Card } from '@/components/Card'
import './panels.css'

export interface OverviewPanelProps {
  project: Pick<
    ProjectDetail,
    'problem' | 'answers' | 'owner' | 'acceptance' | 'score' | 'rating' | 'problems' | 'version'
  >
}

/** 概况: the problem, the 调研 problems this version takes up, the six answers, who owns it, and how it ended. */
export function OverviewPanel({ project }: OverviewPanelProps) {
  return (
    <View>
      <Card title="问题导向">
        <Text className="panel__text">{project.problem || '未填写'}</Text>
      </Card>
      {project.problems.length > 0 ? (
        <Card title="破解的调研问题" extra={`第 ${project.version} 版`}>
          {project.problems.map((p) => (
            <View key={p.id} className="panel__qa">
              <Text className="panel__q">{SURVEY_FIELD_LABELS[p.field]}</Text>
              <Text className="panel__text">{p.text}</Text>
            </View>
          ))}
        </Card>
      ) : null}
      <Card title="立项六问">
        {ANSWER_KEYS.map((key) => (
          <View key={key} className="panel__qa">
            <Text className="panel__q">{ANSWER_LABELS[key]}</Text>
            <Text className="panel__text">{project.answers[key] || '未填写'}</Text>
          </View>
        ))}
      </Card>
      <Card title="项目负责人">
        <Text className="panel__text">{project.owner?.name ?? '未指定'}</Text>
      </Card>
      {project.acceptance ? (
        <Card title="结题申请" extra={chinaTime(project.acceptance.requestedAt).format('YYYY-MM-DD')}>
          <Text className="panel__text">{project.acceptance.summary}</Text>
        </Card>
      ) : null}
      {project.score ? (
        <Card title="验收评分" extra={`总分 ${project.score.total} 分`}>
          {project.score.rubric.map((item) => (
            <View key={item.key} className="panel__row">
              <Text className="panel__row-label">{item.label}</Text>
              <Text className="panel__row-value">
                {project.score?.scores[item.key] ?? 0} / {item.max}
              </Text>
            </View>
          ))}
          {project.score.comment ? <Text className="panel__text">评语：{project.score.comment}</Text> : null}
        </Card>
      ) : null}
      {project.rating.count > 0 ? (
        <Card title="群众满意度">
          <Text className="panel__text">
            {project.rating.average} 分 · {project.rating.count} 人评价
          </Text>
        </Card>
      ) : null}
    </View>
  )
}
