import { View, Text } from '@tarojs/components'
import type { LedgerPreview } from '@contract/api'
import { Card } from '@/components/Card'
import { ProjectRow } from '@/components/ProjectRow'

export interface LedgerContentsProps {
  preview: LedgerPreview
  onOpenProject: (id: string) => void
}

const UNITS: Record<string, string> = { 台账说明: '项', 立项表: '个项目', 验收评分: '行' }

/** What the workbook will hold: one line per sheet with its rows, and the projects it covers. */
export function LedgerContents({ preview, onOpenProject }: LedgerContentsProps) {
  return (
    <>
      <Card title="导出内容" extra={`${preview.sheets.length} 个工作表`}>
        <Text className="admin-title">{preview.title}</Text>
        <Text className="admin-meta">
          {preview.branchName} · {preview.year} 年 · 项目 {preview.projects.length} 个
        </Text>
        <Text className="admin-meta">文件名：{preview.fileName}</Text>
        {preview.sheets.map((s) => (
          <View key={s.name} className="admin-row">
            <Text className="admin-row__title">{s.name}</Text>
            <Text className="admin-row__value">
              {s.rows.toLocaleString('zh-CN')} {UNITS[s.name] ?? '条'}
            </Text>
          </View>
        ))}
      </Card>
      {preview.kind === 'branch_year' ? (
        <Card title="包含的项目" extra={`${preview.projects.length} 个`}>
          {preview.projects.length === 0 ? <Text className="admin-meta">该年度没有项目</Text> : null}
          {preview.projects.map((p) => (
            <ProjectRow key={p.id} project={p} onOpen={onOpenProject} />
          ))}
        </Card>
      ) : null}
    </>
  )
}
