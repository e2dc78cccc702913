import { useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { PickedProjectView, RectificationView } from '@contract/api'
import { FINDING_CONCLUSIONS } from '@contract/entities'
import type { FindingConclusion } from '@contract/entities'
import { FINDING_CONCLUSION_LABELS, STATUS_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'
import { TextField } from '@/components/TextField'
import type { StepAction } from '@/features/supervision/hooks/use-spot-check'
import { RectificationItem } from './RectificationItem'

export interface PickedProjectCardProps {
  project: PickedProjectView
  tasks: RectificationView[]
  /** The committee records findings and sets tasks. */
  canRecord: boolean
  busy: boolean
  /** YYYY-MM-DD: the earliest deadline a task may have. */
  today: string
  onOpen: () => void
  onFinding: (conclusion: FindingConclusion, text: string) => Promise<boolean>
  onTask: (text: string, deadline: string) => Promise<boolean>
  onStep: (taskId: string, action: StepAction, text: string) => Promise<boolean>
}

/** A picked project: where it stands, the findings, its rectification tasks and the forms for them. */
export function PickedProjectCard(props: PickedProjectCardProps) {
  const { project, tasks, canRecord, busy } = props
  const [conclusion, setConclusion] = useState<FindingConclusion>(project.finding?.conclusion ?? 'meets')
  const [finding, setFinding] = useState(project.finding?.text ?? '')
  const [task, setTask] = useState('')
  const [deadline, setDeadline] = useState('')

  return (
    <Card title={project.title} extra={project.branchName}>
      <View
        className="admin-row"
        ariaRole="button"
        ariaLabel={`查看项目：${project.title}`}
        onClick={props.onOpen}
      >
        <Text className="admin-row__title">
          {project.status
            ? `${STATUS_LABELS[project.status]} · 进度 ${project.progress ?? 0}%`
            : '项目已不存在'}
        </Text>
        <Text className="admin-row__value">查看项目 ›</Text>
      </View>
      {project.finding ? (
        <Text className="admin-meta">
          检查情况：{FINDING_CONCLUSION_LABELS[project.finding.conclusion]}——{project.finding.text}（
          {project.finding.byName}）
        </Text>
      ) : (
        <Text className="admin-meta">尚未记录检查情况</Text>
      )}
      {canRecord ? (
        <View>
          <View>
            {FINDING_CONCLUSIONS.map((c) => (
              <View
                key={c}
                className={`admin-chip${conclusion === c ? ' admin-chip--on' : ''}`}
                ariaRole="button"
                ariaLabel={`结论：${FINDING_CONCLUSION_LABELS[c]}${conclusion === c ? '（已选）' : ''}`}
                onClick={() => setConclusion(c)}
              >
                <Text>
                  {conclusion === c ? '✓ ' : ''}
                  {FINDING_CONCLUSION_LABELS[c]}
                </Text>
              </View>
            ))}
          </View>
          <TextField label="检查情况" multiline value={finding} limit={500} onChange={setFinding} />
          <View className="admin-actions">
            <Button
              type="default"
              disabled={busy || finding.trim() === ''}
              onClick={() => void props.onFinding(conclusion, finding.trim())}
            >
              保存检查情况
            </Button>
          </View>
        </View>
      ) : null}
      <Text className="admin-meta">整改任务 {tasks.length} 项</Text>
      {tasks.map((t) => (
        <RectificationItem
          key={t.id}
          task={t}
          busy={busy}
          onStep={(a, text) => props.onStep(t.id, a, text)}
        />
      ))}
      {canRecord ? (
        <View>
          <TextField label="整改要求" multiline value={task} limit={300} onChange={setTask} />
          <Picker
            mode="date"
            value={deadline || props.today}
            start={props.today}
            onChange={(e) => setDeadline(String(e.detail.value))}
          >
            <View className="admin-row" ariaRole="button" ariaLabel="选择整改时限">
              <Text className="admin-row__title">整改时限</Text>
              <Text className="admin-row__value">{deadline || '请选择 ›'}</Text>
            </View>
          </Picker>
          <View className="admin-actions">
            <Button
              type="primary"
              disabled={busy || task.trim() === '' || deadline === ''}
              onClick={() =>
                void props.onTask(task.trim(), deadline).then((ok) => {
                  if (ok) {
                    setTask('')
                    setDeadline('')
                  }
                })
              }
            >
              下达整改
            </Button>
          </View>
        </View>
      ) : null}
    </Card>
  )
}
